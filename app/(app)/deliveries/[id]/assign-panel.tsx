"use client";

// Dispatch: give the delivery to a courier, or to another one while it is ASSIGNED. Each courier
// is listed with today's load, so the choice can be a fair one.
import { useActionState } from "react";
import { ActionToast } from "@/components/action-toast";
import { Notice } from "@/components/notice";
import { SubmitButton } from "@/components/submit-button";
import { buttonClass } from "@/components/ui/button";
import { assignAction, type TransitionState } from "./actions";

export interface CourierOption {
  id: string;
  label: string;
}

export function AssignPanel({
  id,
  version,
  assigneeId,
  couriers,
}: {
  id: string;
  version: number;
  assigneeId: string | null;
  couriers: CourierOption[];
}) {
  const [state, action] = useActionState<TransitionState, FormData>(assignAction, {});
  const others = couriers.filter((c) => c.id !== assigneeId);
  return (
    <section aria-labelledby="assign-heading" className="card grid gap-3" data-testid="assign-panel">
      <h2 id="assign-heading" className="text-base font-semibold">
        {assigneeId ? "Reassign" : "Assign a courier"}
      </h2>
      <ActionToast state={state} />
      {state.stale && (
        <Notice tone="warning" testId="assign-stale">
          {state.stale}
        </Notice>
      )}
      {others.length === 0 ? (
        <p className="text-sm text-slate-600">
          No {assigneeId ? "other " : ""}active courier. Add couriers on the Partners page.
        </p>
      ) : (
        <form action={action} className="grid gap-2">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <label htmlFor="assigneeId" className="label">
            Courier
          </label>
          <select
            id="assigneeId"
            name="assigneeId"
            className="input"
            required
            defaultValue=""
            aria-invalid={state.errors?.assigneeId ? true : undefined}
          >
            <option value="" disabled>
              Choose a courier…
            </option>
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          {state.errors?.assigneeId && <p className="field-error">{state.errors.assigneeId}</p>}
          <SubmitButton pendingText="Assigning…" className={buttonClass("primary")}>
            {assigneeId ? "Reassign" : "Assign"}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
