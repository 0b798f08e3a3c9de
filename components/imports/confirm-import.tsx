"use client";

import { useActionState } from "react";
import { ActionToast } from "@/components/action-toast";
import { SubmitButton } from "@/components/submit-button";
import { buttonClass } from "@/components/ui/button";
import type { FormState } from "@/lib/api/form-action";

/** Starts the import; a refusal (already confirmed, nothing valid) is a toast, an ended session a sign-in. */
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
    <form action={formAction}>
      <ActionToast state={state} id={`confirm-import-${id}`} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton className={buttonClass("primary", "md", "w-fit")} pendingText="Starting…">
        {label}
      </SubmitButton>
    </form>
  );
}
