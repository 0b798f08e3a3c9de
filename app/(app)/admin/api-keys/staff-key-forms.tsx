"use client";

import { useActionState, useState } from "react";
import { useActionFeedback } from "@/components/action-toast";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/api/form-action";
import { SecretOnce } from "@/components/ui/secret-once";
import { createStaffApiKeyAction, type IssuedStaffKey } from "./actions";

export function CreateStaffKeyForm({ couriers }: { couriers: { email: string; name: string | null }[] }) {
  const [state, action] = useActionState<FormState<IssuedStaffKey>, FormData>(createStaffApiKeyAction, {});
  const draft = useActionFeedback("create-staff-api-key", state);
  const [role, setRole] = useState(state.values?.role ?? draft?.role ?? "ADMIN");
  const courierError = state.errors?.courierEmail;
  return (
    <div className="grid gap-4">
      <form action={action} className="grid gap-3 sm:grid-cols-3 sm:items-end" data-testid="create-staff-key-form">
        <div>
          <label htmlFor="field-role" className="label">
            Acts as
          </label>
          <select
            id="field-role"
            name="role"
            value={role}
            onChange={(event) => setRole(event.target.value)}
            className="input mt-1"
          >
            <option value="ADMIN">Admin (dispatch tooling)</option>
            <option value="COURIER">A courier (their app)</option>
          </select>
        </div>
        {role === "COURIER" && (
          <div>
            <label htmlFor="field-courierEmail" className="label">
              Courier
            </label>
            <select
              id="field-courierEmail"
              name="courierEmail"
              defaultValue={state.values?.courierEmail ?? ""}
              aria-invalid={courierError ? true : undefined}
              aria-describedby={courierError ? "field-courierEmail-error" : undefined}
              className="input mt-1"
            >
              <option value="" disabled>
                Choose a courier
              </option>
              {couriers.map((c) => (
                <option key={c.email} value={c.email}>
                  {c.name ? `${c.name} (${c.email})` : c.email}
                </option>
              ))}
            </select>
            {courierError && (
              <p id="field-courierEmail-error" className="mt-1 text-sm text-red-700">
                {courierError}
              </p>
            )}
          </div>
        )}
        <FormField
          label="Key name"
          name="name"
          required
          maxLength={100}
          defaultValue={state.values?.name ?? draft?.name}
          error={state.errors?.name}
          hint="Where it is used, e.g. “route planner”."
        />
        <div>
          <SubmitButton pendingText="Creating…">Create key</SubmitButton>
        </div>
      </form>
      {state.result && <SecretOnce key={state.result.id} secret={state.result.secret} />}
    </div>
  );
}
