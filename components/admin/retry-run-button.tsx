"use client";

import { useActionState } from "react";
import { ActionToast } from "@/components/action-toast";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/api/form-action";

export function RetryRunButton({
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
      <ActionToast state={state} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton className="btn btn-secondary" pendingText="Retrying…">
        Retry<span className="sr-only"> {label}</span>
      </SubmitButton>
    </form>
  );
}
