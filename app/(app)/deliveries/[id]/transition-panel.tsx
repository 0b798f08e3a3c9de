"use client";

// The moves this viewer may make now (computed on the server from the state machine). Final moves
// and moves that want a reason ask in their own dialog first, which keeps its errors to itself.
import { useActionState, useState } from "react";
import { ActionToast } from "@/components/action-toast";
import { Notice } from "@/components/notice";
import { SubmitButton } from "@/components/submit-button";
import { ConfirmDialog, type DialogFieldsProps } from "@/components/ui/confirm-dialog";
import { LIMITS } from "@/lib/deliveries/schemas";
import { REASON_REQUIRED_MESSAGE } from "@/lib/deliveries/status-labels";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { transitionAction, type TransitionState } from "./actions";
import { buttonClass } from "@/components/ui/button";

export interface TransitionOption {
  to: DeliveryStatus;
  label: string;
  reasonRequired: boolean;
  final: boolean;
}

function ReasonField({ option, errors, values }: { option: TransitionOption } & DialogFieldsProps) {
  const id = `reason-${option.to}`;
  const error = errors.reason;
  return (
    <div>
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
        defaultValue={values.reason}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="input mt-1"
      />
      {error && (
        <p id={`${id}-error`} className="field-error" data-testid={`error-reason-${option.to}`}>
          {error}
        </p>
      )}
    </div>
  );
}

function QuickMove({ id, version, option }: { id: string; version: number; option: TransitionOption }) {
  const [state, action] = useActionState<TransitionState, FormData>(transitionAction, {});
  return (
    <form action={action}>
      <ActionToast state={state} id={`move-${option.to}`} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="status" value={option.to} />
      {/* Taking a courier off is a step back, never the page's main action. */}
      <SubmitButton pendingText="Saving…" className={buttonClass(option.to === "CREATED" ? "secondary" : "primary")}>
        {option.label}
      </SubmitButton>
    </form>
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
  const [stale, setStale] = useState<string | null>(null);
  return (
    <section aria-labelledby="actions-heading" className="card grid gap-3" data-testid="transition-panel">
      <h2 id="actions-heading" className="text-base font-semibold">
        Actions
      </h2>
      {stale && (
        <Notice tone="warning" testId="stale-notice">
          {stale}
        </Notice>
      )}
      {options.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="no-actions">
          No further changes are possible for you at this stage.
        </p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {options.map((option) => {
            if (!option.final && !option.reasonRequired)
              return <QuickMove key={option.to} id={id} version={version} option={option} />;
            const danger = option.to === "FAILED" || option.to === "CANCELLED";
            return (
              <ConfirmDialog<TransitionState>
                key={option.to}
                trigger={option.label}
                triggerVariant={danger ? "danger" : "primary"}
                title={`${option.label}?`}
                description={
                  option.final
                    ? "This is final: the delivery cannot change status again afterwards."
                    : "The delivery moves on at once."
                }
                confirm="Confirm"
                danger={danger}
                action={transitionAction}
                hidden={{ id, version, status: option.to }}
                validate={(form): Record<string, string> =>
                  option.reasonRequired && !String(form.get("reason") ?? "").trim()
                    ? { reason: REASON_REQUIRED_MESSAGE }
                    : {}
                }
                onAnswer={(state) => setStale(state.stale ?? null)}
                testId={`action-${option.to}`}
                fields={(props) => <ReasonField option={option} {...props} />}
              />
            );
          })}
        </div>
      )}
    </section>
  );
}
