"use client";

// Dispatch's side of the partners page: add couriers, and choose per partner what
// proof of delivery its couriers bring back.
import { startTransition, useActionState, useState } from "react";
import { ActionToast } from "@/components/action-toast";
import { SubmitButton } from "@/components/submit-button";
import { buttonClass } from "@/components/ui/button";
import { useOnAnswer } from "@/components/ui/use-answer";
import type { FormState } from "@/lib/api/form-action";
import { AccountFields } from "./account-fields";
import { createCourierAction, setPartnerProofAction, type ProofState } from "./actions";

export function CreateCourierForm() {
  const [state, action] = useActionState<FormState, FormData>(createCourierAction, {});
  const e = state.errors ?? {};
  return (
    <form
      action={action}
      className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
      aria-label="Add a courier"
      data-testid="create-courier-form"
    >
      <ActionToast state={state} />
      <AccountFields idPrefix="courier" values={state.values} errors={e} />
      <SubmitButton pendingText="Adding…" className={buttonClass("secondary")}>
        Add courier
      </SubmitButton>
    </form>
  );
}

const PROOF_LABELS = {
  NONE: "None",
  CODE: "Recipient's code",
  PHOTO: "Photo",
  SIGNATURE: "Signature",
} as const;

type Proof = keyof typeof PROOF_LABELS;

export function ProofSettingForm({
  partnerId,
  partnerName,
  current,
}: {
  partnerId: string;
  partnerName: string;
  current: Proof;
}) {
  const [state, action, pending] = useActionState<ProofState, FormData>(setPartnerProofAction, {});
  // Controlled, set from the answer, and sent from onSubmit rather than as the form's action: React
  // resets a form after its action, which puts even a controlled select back to the option it was
  // first rendered with, so the select would show the old value right after Save.
  const [value, setValue] = useState<Proof>(current);
  useOnAnswer(state, (answer) => {
    if (answer.result) setValue(answer.result.proofOfDelivery);
  });
  const selectId = `proof-${partnerId}`;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(() => action(form));
      }}
      className="flex flex-wrap items-end gap-2"
      aria-label={`Proof of delivery for ${partnerName}`}
    >
      <ActionToast state={state} />
      <input type="hidden" name="id" value={partnerId} />
      <div>
        <label htmlFor={selectId} className="label">
          Proof of delivery
        </label>
        <select
          id={selectId}
          name="proofOfDelivery"
          value={value}
          onChange={(e) => setValue(e.target.value as Proof)}
          className="input mt-1"
        >
          {Object.entries(PROOF_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("secondary", "sm")} disabled={pending} aria-disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
