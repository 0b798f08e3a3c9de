"use client";

// A button that asks first: it opens a modal <dialog> (focus moves in, Esc closes, focus returns)
// holding the form that really submits. Extra fields (a reason) go in as children.
import { useRef } from "react";
import { SubmitButton } from "@/components/submit-button";

interface Props {
  trigger: string;
  title: string;
  confirm: string;
  action: (form: FormData) => void;
  hidden: Record<string, string | number>;
  danger?: boolean;
  children?: React.ReactNode;
  testId?: string;
}

export function ConfirmForm({ trigger, title, confirm, action, hidden, danger, children, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const tone = danger ? "btn-danger" : "btn-primary";
  const titleId = `confirm-${testId ?? title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <>
      <button
        type="button"
        className={`btn ${danger ? "btn-danger" : "btn-primary"}`}
        onClick={() => ref.current?.showModal()}
        data-testid={testId}
      >
        {trigger}
      </button>
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        className="m-auto w-[min(32rem,calc(100%-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form
          action={(form) => {
            ref.current?.close();
            action(form);
          }}
          className="grid gap-4 p-5"
        >
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {children}
          <div className="flex justify-end gap-2">
            <button type="button" className="btn btn-secondary" onClick={() => ref.current?.close()}>
              Keep as is
            </button>
            <SubmitButton pendingText="Saving…" className={`btn ${tone}`}>
              {confirm}
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
