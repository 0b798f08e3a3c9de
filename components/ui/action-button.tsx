"use client";

// A form that is only a button: one server action, its hidden fields, and the one feedback style
// (a toast; an ended session goes through sign-in and back). Retry, confirm and similar buttons.
import { useActionState } from "react";
import { ActionToast } from "@/components/action-toast";
import { SubmitButton } from "@/components/submit-button";
import { buttonClass, type ButtonVariant } from "@/components/ui/button";
import type { FormState } from "@/lib/api/form-action";

export function ActionButton({
  action,
  fields = {},
  pendingText,
  variant = "secondary",
  feedbackId,
  className,
  children,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  fields?: Record<string, string>;
  pendingText: string;
  variant?: ButtonVariant;
  /** Names the form for session recovery (components/ui/session-recovery.ts). */
  feedbackId?: string;
  className?: string;
  children: React.ReactNode;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className={className}>
      <ActionToast state={state} id={feedbackId} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton className={buttonClass(variant)} pendingText={pendingText}>
        {children}
      </SubmitButton>
    </form>
  );
}
