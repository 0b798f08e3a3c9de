"use client";

// The moves this viewer may make now (computed on the server from the state machine). Final moves
// and moves that want a reason ask in a modal dialog first.
import { useActionState } from "react";
import { ActionToast } from "@/components/action-toast";
import { ConfirmForm } from "@/components/confirm-form";
import { Notice } from "@/components/notice";
import { SubmitButton } from "@/components/submit-button";
import { LIMITS } from "@/lib/deliveries/schemas";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { transitionAction, type TransitionState } from "./actions";

export interface TransitionOption {
  to: DeliveryStatus;
  label: string;
  reasonRequired: boolean;
  final: boolean;
}

function ReasonField({ option, error }: { option: TransitionOption; error?: string }) {
  const id = `reason-${option.to}`;
  return (
    <div>
      {option.final && (
        <p className="mb-3 text-sm text-slate-700">
          This is final: the delivery cannot change status again afterwards.
        </p>
      )}
      <label htmlFor={id} className="label">
        Reason{" "}
        {option.reasonRequired ? (
          <span className="text-red-700">(required)</span>
        ) : (
          <span className="font-normal text-slate-600">(optional)</span>
        )}
      </label>
      <textarea
        id={id}
        name="reason"
        rows={3}
        maxLength={LIMITS.reason}
        required={option.reasonRequired}
        aria-invalid={error ? true : undefined}
        className="input mt-1"
      />
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}

export function TransitionPanel({
  id,
  version,
  options,
}: {
  id: string;
  version: number;
  options: TransitionOption[];
}) {
  const [state, action] = useActionState<TransitionState, FormData>(transitionAction, {});
  return (
    <section aria-labelledby="actions-heading" className="card grid gap-3" data-testid="transition-panel">
      <h2 id="actions-heading" className="text-base font-semibold">
        Actions
      </h2>
      <ActionToast state={state} />
      {state.stale && (
        <Notice tone="warning" testId="stale-notice">
          {state.stale}
        </Notice>
      )}
      {options.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="no-actions">
          No further changes are possible for you at this stage.
        </p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {options.map((option) => {
            const hidden = { id, version, status: option.to };
            if (option.final || option.reasonRequired) {
              const danger = option.to === "FAILED" || option.to === "CANCELLED";
              return (
                <ConfirmForm
                  key={option.to}
                  trigger={option.label}
                  title={`${option.label}?`}
                  confirm="Confirm"
                  danger={danger}
                  action={action}
                  hidden={hidden}
                  testId={`action-${option.to}`}
                >
                  <ReasonField option={option} error={state.errors?.reason} />
                </ConfirmForm>
              );
            }
            return (
              <form key={option.to} action={action}>
                {Object.entries(hidden).map(([name, value]) => (
                  <input key={name} type="hidden" name={name} value={value} />
                ))}
                <SubmitButton pendingText="Saving…">{option.label}</SubmitButton>
              </form>
            );
          })}
        </div>
      )}
    </section>
  );
}
