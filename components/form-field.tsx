// A labelled input with its error announced and linked (aria-describedby), so screen readers
// read the problem when the field gets focus.
import type { InputHTMLAttributes, ReactNode } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  multiline?: boolean;
};

export function FormField({ label, name, error, hint, multiline, className, ...input }: Props) {
  const id = input.id ?? `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    className: "input mt-1",
  };
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
        {input.required && (
          <span aria-hidden="true" className="text-red-700">
            {" "}
            *
          </span>
        )}
      </label>
      {multiline ? (
        <textarea
          {...common}
          rows={3}
          defaultValue={input.defaultValue}
          maxLength={input.maxLength}
          required={input.required}
        />
      ) : (
        <input {...common} {...input} />
      )}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}
