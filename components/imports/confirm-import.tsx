"use client";

import { useActionState } from "react";
import { Notice } from "@/components/notice";
import { SubmitButton } from "@/components/submit-button";
import { buttonClass } from "@/components/ui/button";
import type { FormState } from "@/lib/api/form-action";

/** Starts the import; a refusal (already confirmed, nothing valid) shows beside the button. */
export function ConfirmImport({
  id,
  label,
  action,
}: {
  id: string;
  label: string;
  action: (state: FormState, form: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="grid gap-3">
      <input type="hidden" name="id" value={id} />
      {state.error && <Notice tone="error">{state.error}</Notice>}
      <SubmitButton className={buttonClass("primary", "md", "w-fit")} pendingText="Starting…">
        {label}
      </SubmitButton>
    </form>
  );
}
