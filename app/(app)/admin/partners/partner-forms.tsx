"use client";

import { useActionState } from "react";
import { ActionToast, useActionFeedback } from "@/components/action-toast";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/api/form-action";
import { AccountFields } from "./account-fields";
import { createPartnerAction, createPartnerUserAction, setPartnerActiveAction, setUserActiveAction } from "./actions";
import { buttonClass } from "@/components/ui/button";

export function CreatePartnerForm() {
  const [state, action] = useActionState<FormState, FormData>(createPartnerAction, {});
  const draft = useActionFeedback("create-partner", state);
  const v = state.values ?? draft ?? {};
  const e = state.errors ?? {};
  return (
    <form
      action={action}
      className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      data-testid="create-partner-form"
    >
      <FormField label="Partner name" name="name" required defaultValue={v.name} error={e.name} />
      <FormField
        label="Contact email"
        name="contactEmail"
        type="email"
        defaultValue={v.contactEmail}
        error={e.contactEmail}
      />
      <SubmitButton pendingText="Creating…">Create partner</SubmitButton>
    </form>
  );
}

export function CreateUserForm({ partnerId, partnerName }: { partnerId: string; partnerName: string }) {
  const [state, action] = useActionState<FormState, FormData>(createPartnerUserAction, {});
  const draft = useActionFeedback(`create-user-${partnerId}`, state);
  const v = state.values ?? draft ?? {};
  const e = state.errors ?? {};
  return (
    <form
      action={action}
      className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
      aria-label={`Add a user to ${partnerName}`}
    >
      <input type="hidden" name="partnerId" value={partnerId} />
      <AccountFields idPrefix={`user-${partnerId}`} values={v} errors={e} />
      <SubmitButton pendingText="Adding…" className={buttonClass("secondary")}>
        Add user
      </SubmitButton>
    </form>
  );
}

export function ActiveToggle({
  kind,
  id,
  label,
  active,
}: {
  kind: "partner" | "user";
  id: string;
  label: string;
  active: boolean;
}) {
  const [state, action] = useActionState<FormState, FormData>(
    kind === "partner" ? setPartnerActiveAction : setUserActiveAction,
    {},
  );
  const consequence =
    kind === "partner"
      ? "Its users can no longer sign in and its API keys stop working at once."
      : "They are signed out and cannot sign in until reactivated.";
  return active ? (
    <ConfirmDialog
      trigger="Deactivate"
      triggerLabel={`Deactivate ${label}`}
      triggerSize="sm"
      title={`Deactivate ${label}?`}
      description={`${consequence} Nothing is deleted; you can reactivate later.`}
      confirm="Deactivate"
      danger
      action={kind === "partner" ? setPartnerActiveAction : setUserActiveAction}
      hidden={{ id, active: "false" }}
      testId={`deactivate-${kind}-${id}`}
    />
  ) : (
    <form action={action}>
      <ActionToast state={state} id={`reactivate-${id}`} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value="true" />
      <SubmitButton pendingText="Saving…" className={buttonClass("secondary", "sm")}>
        Reactivate<span className="sr-only"> {label}</span>
      </SubmitButton>
    </form>
  );
}
