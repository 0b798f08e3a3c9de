"use client";

// A button that asks first (Radix AlertDialog: focus trapped inside, Esc closes, focus returns).
// The dialog owns its action state, so it stays open with its errors beside its fields (`fields`,
// e.g. a reason) until the action succeeds.
import { AlertDialog } from "radix-ui";
import { useActionState, useRef, useState } from "react";
import { toast } from "sonner";
import { Notice } from "@/components/notice";
import { buttonClass, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { UnreachableNotice, keepOnFailure } from "@/components/ui/keep-on-failure";
import { useSessionRecovery } from "@/components/ui/session-recovery";
import type { FormState } from "@/lib/api/form-action";

export interface DialogFieldsProps {
  errors: Record<string, string>;
  values: Record<string, string>;
}

interface Props<S extends FormState> {
  /** The button's text. */
  trigger: string;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  /** A longer accessible name for the button (which row it acts on). */
  triggerLabel?: string;
  title: string;
  /** What happens, and what cannot be undone. */
  description: React.ReactNode;
  confirm: string;
  pendingText?: string;
  danger?: boolean;
  action: (state: S, form: FormData) => Promise<S>;
  hidden: Record<string, string | number>;
  fields?: (props: DialogFieldsProps) => React.ReactNode;
  /** Checks in the browser before anything is sent: field name → message. */
  validate?: (form: FormData) => Record<string, string>;
  /** After each answer (for what the page shows outside the dialog, such as a stale notice). */
  onAnswer?: (state: S) => void;
  /** Whether an answer closes the dialog; by default when there is no error. */
  closesOn?: (state: S) => boolean;
  /** Unique on the page: names the dialog's draft and its test ids. */
  testId: string;
}

const succeeded = (state: FormState) => !state.error && !state.errors && !state.signedOut && !state.unreachable;

export function ConfirmDialog<S extends FormState>({
  trigger,
  triggerVariant,
  triggerSize,
  triggerLabel,
  title,
  description,
  confirm,
  pendingText = "Saving…",
  danger,
  action,
  hidden,
  fields,
  validate,
  onAnswer,
  closesOn = succeeded,
  testId,
}: Props<S>) {
  const [open, setOpen] = useState(false);
  const [localErrors, setLocalErrors] = useState<Record<string, string> | null>(null);
  // After signing in again, the dialog opens where the user left it, with what they typed.
  const [restoredOpen, setRestoredOpen] = useState(true);
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState<S, FormData>(async (previous: S, form: FormData) => {
    const next = await keepOnFailure(action)(previous, form);
    // No answer is no news for the page: the dialog stays open with what was typed and a retry.
    if (next.unreachable) return next;
    onAnswer?.(next);
    if (!next.signedOut && closesOn(next)) {
      if (next.ok) toast.success(next.ok);
      setOpen(false);
      setRestoredOpen(false);
    }
    return next;
  }, {} as Awaited<S>);
  const draft = useSessionRecovery(`dialog:${testId}`, state);
  const isOpen = open || (draft !== null && restoredOpen);

  const errors = localErrors ?? state.errors ?? {};
  const values = state.values ?? draft ?? {};
  const titleId = `${testId}-title`;

  return (
    <AlertDialog.Root
      open={isOpen}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setRestoredOpen(false);
          setLocalErrors(null);
        }
      }}
    >
      <AlertDialog.Trigger asChild>
        <button
          type="button"
          className={buttonClass(triggerVariant ?? (danger ? "danger" : "secondary"), triggerSize)}
          data-testid={testId}
          aria-label={triggerLabel}
        >
          {trigger}
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content
          aria-labelledby={titleId}
          className="fixed left-1/2 top-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white shadow-xl focus:outline-none"
          data-testid={`${testId}-dialog`}
        >
          <form
            ref={formRef}
            action={formAction}
            onSubmit={(event) => {
              const problems = validate?.(new FormData(event.currentTarget)) ?? {};
              if (Object.keys(problems).length) {
                event.preventDefault();
                setLocalErrors(problems);
                event.currentTarget.querySelector<HTMLElement>(`[name="${Object.keys(problems)[0]}"]`)?.focus();
              } else setLocalErrors(null);
            }}
            noValidate
            className="grid gap-4 p-5"
          >
            {Object.entries(hidden).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <AlertDialog.Title id={titleId} className="text-lg font-semibold text-slate-900">
              {title}
            </AlertDialog.Title>
            <AlertDialog.Description asChild>
              <div className="text-sm text-slate-700">{description}</div>
            </AlertDialog.Description>
            {state.error && !localErrors && (
              <Notice tone="error" testId={`${testId}-error`}>
                {state.error}
              </Notice>
            )}
            {state.unreachable && !pending && (
              <UnreachableNotice onRetry={() => formRef.current?.requestSubmit()} testId={`${testId}-unreachable`} />
            )}
            {fields?.({ errors, values })}
            <div className="flex flex-wrap justify-end gap-2">
              <AlertDialog.Cancel className={buttonClass("secondary")}>Keep as is</AlertDialog.Cancel>
              <button
                type="submit"
                className={buttonClass(danger ? "danger" : "primary")}
                disabled={pending}
                aria-disabled={pending}
              >
                {pending ? pendingText : confirm}
              </button>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
