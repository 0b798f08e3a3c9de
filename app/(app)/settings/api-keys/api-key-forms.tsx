"use client";

import { useActionState } from "react";
import { useActionFeedback } from "@/components/action-toast";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { SecretOnce } from "@/components/ui/secret-once";
import type { FormState } from "@/lib/api/form-action";
import { createApiKeyAction, revokeApiKeyAction, type IssuedKey } from "./actions";

export function CreateApiKeyForm({ partnerId }: { partnerId: string }) {
  const [state, action] = useActionState<FormState<IssuedKey>, FormData>(createApiKeyAction, {});
  const draft = useActionFeedback("create-api-key", state);
  return (
    <div className="grid gap-4">
      <form action={action} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end" data-testid="create-key-form">
        <input type="hidden" name="partnerId" value={partnerId} />
        <FormField
          label="Key name"
          name="name"
          required
          maxLength={100}
          defaultValue={state.values?.name ?? draft?.name}
          error={state.errors?.name}
          hint="Where it is used, e.g. “shop backend”."
        />
        <SubmitButton pendingText="Creating…">Create key</SubmitButton>
      </form>
      {/* Keyed by the key: a new key starts with a fresh "Copy" button, never one saying "Copied". */}
      {state.result && <SecretOnce key={state.result.id} secret={state.result.secret} />}
    </div>
  );
}

export function RevokeKeyButton({
  id,
  label,
  action = revokeApiKeyAction,
}: {
  id: string;
  label: string;
  /** The page's own revoke action (it refreshes that page); the partners' page by default. */
  action?: typeof revokeApiKeyAction;
}) {
  return (
    <ConfirmDialog
      trigger="Revoke"
      triggerLabel={`Revoke ${label}`}
      triggerSize="sm"
      title={`Revoke ${label}?`}
      description="Systems using this key will be refused at once. This cannot be undone."
      confirm="Revoke key"
      pendingText="Revoking…"
      danger
      action={action}
      hidden={{ id }}
      testId={`revoke-${id}`}
    />
  );
}
