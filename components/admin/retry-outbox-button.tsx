"use client";

import { useActionState } from "react";
import { ActionToast } from "@/components/action-toast";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/api/form-action";

export function RetryOutboxButton({ action }: { action: (state: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="mt-3">
      <ActionToast state={state} />
      <SubmitButton className="btn btn-secondary" pendingText="Retrying…">
        Retry now
      </SubmitButton>
    </form>
  );
}
