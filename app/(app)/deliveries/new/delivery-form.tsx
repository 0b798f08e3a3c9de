"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { FormField } from "@/components/form-field";
import { Notice } from "@/components/notice";
import { PartnerSelect } from "@/components/partner-select";
import { SubmitButton } from "@/components/submit-button";
import { Button, ButtonLink } from "@/components/ui/button";
import { UnreachableNotice, keepOnFailure } from "@/components/ui/keep-on-failure";
import { useSessionRecovery } from "@/components/ui/session-recovery";
import { DELIVERY_DATE_OR_WINDOW, LIMITS } from "@/lib/deliveries/schemas";
import { createDeliveryAction, type NewDeliveryState } from "./actions";
import { WINDOW_FIELDS } from "@/lib/deliveries/window-form";

const SUBMITTED = "delivery-form:submitted:";

function wasSubmitted(key: string): boolean {
  try {
    return window.sessionStorage.getItem(SUBMITTED + key) !== null;
  } catch {
    return false;
  }
}

function markSubmitted(key: string) {
  try {
    window.sessionStorage.setItem(SUBMITTED + key, "1");
  } catch {
    // Without storage, Back then submit replays the first delivery: safe, if less convenient.
  }
}

/**
 * The idempotency key of this form's submissions. One key per time the form is shown: a double
 * click or a retry of the same form sends the same key (and lands on the delivery it made), while
 * the form shown again (Back after a submission) starts a fresh key, so the next delivery is new.
 */
function useSubmissionKey(urlKey: string) {
  const key = useRef<string | null>(null);
  return {
    next(): string {
      key.current ??= wasSubmitted(urlKey) ? crypto.randomUUID() : urlKey;
      markSubmitted(urlKey);
      return key.current;
    },
    renew() {
      key.current = crypto.randomUUID();
    },
  };
}

/**
 * `minDateLabel` is the earliest bookable day written out: "today (UTC)" read as a rule made people
 * east of UTC wonder which day counts, a date does not.
 */
/**
 * The create action, keeping the typed values when the request gets no answer. The retry
 * resubmits with the same idempotency key, so however often the first attempt did reach the
 * server, one delivery comes of it.
 */
const submitOrKeep = keepOnFailure(createDeliveryAction, ["idempotencyKey"]);

export function DeliveryForm({
  idempotencyKey,
  minDate,
  minDateLabel,
  partners,
  timeZone,
}: {
  idempotencyKey: string;
  minDate: string;
  minDateLabel: string;
  /** For staff: the partners to create for (a required pick), with their zones. Absent for partners. */
  partners?: { id: string; name: string; slug: string; timeZone: string }[];
  /** A partner's own zone, which its windows are entered in (staff: the picked partner's). */
  timeZone?: string;
}) {
  const [state, dispatch] = useActionState<NewDeliveryState, FormData>(submitOrKeep, {});
  const formRef = useRef<HTMLFormElement>(null);
  const submission = useSubmissionKey(idempotencyKey);
  const draft = useSessionRecovery("new-delivery", state);
  const action = (form: FormData) => {
    form.set("idempotencyKey", submission.next());
    dispatch(form);
  };
  const v = state.values ?? draft ?? {};
  const e = state.errors ?? {};
  const errorCount = Object.keys(e).length;
  // Staff enter times in the zone of the partner they pick, which the hint follows.
  const [picked, setPicked] = useState<string | undefined>(v.partnerId);
  const zone = timeZone ?? partners?.find((p) => p.id === (picked ?? v.partnerId))?.timeZone;
  const zoneText = zone ? `Times in ${zone}` : "Times in the time zone of the partner you choose";
  const dateError =
    e.deliveryDate === DELIVERY_DATE_OR_WINDOW ? "Required unless you give a drop-off window" : e.deliveryDate;

  // After a failed submit, keyboard and screen-reader users land on the first field to fix.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [state]);

  return (
    <form ref={formRef} action={action} className="grid gap-6" noValidate data-testid="delivery-form">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {errorCount > 0 && (
        <Notice tone="error" testId="form-errors">
          Please correct {errorCount === 1 ? "the highlighted field" : `the ${errorCount} highlighted fields`}.
        </Notice>
      )}
      {state.unreachable && <UnreachableNotice onRetry={() => formRef.current?.requestSubmit()} />}
      {state.error && (
        <Notice tone="error" testId="form-error">
          <p>{state.error}</p>
          {state.existingId && (
            <div className="mt-3 flex flex-wrap gap-2">
              <ButtonLink href={`/deliveries/${state.existingId}`} size="sm">
                See the delivery it created
              </ButtonLink>
              <Button
                variant="primary"
                size="sm"
                onClick={() => {
                  submission.renew();
                  formRef.current?.requestSubmit();
                }}
              >
                Submit these details as a new delivery
              </Button>
            </div>
          )}
        </Notice>
      )}
      {partners && (
        <fieldset
          className="card grid gap-2 sm:grid-cols-2"
          onChange={(event) => {
            const target = event.target as unknown as HTMLSelectElement;
            if (target.name === "partnerId") setPicked(target.value);
          }}
        >
          <legend className="px-1 text-base font-semibold">For partner</legend>
          <PartnerSelect partners={partners} defaultValue={v.partnerId} placeholder="Choose a partner" />
          {e.partnerId && (
            <p className="text-sm text-red-700 sm:col-span-2" data-testid="partner-error">
              {e.partnerId}
            </p>
          )}
        </fieldset>
      )}
      <fieldset className="card grid gap-4 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">Route</legend>
        <FormField
          label="Pickup address"
          name="pickupAddress"
          required
          maxLength={LIMITS.address}
          defaultValue={v.pickupAddress}
          error={e.pickupAddress}
          autoComplete="off"
        />
        <FormField
          label="Drop-off address"
          name="dropoffAddress"
          required
          maxLength={LIMITS.address}
          defaultValue={v.dropoffAddress}
          error={e.dropoffAddress}
          autoComplete="off"
        />
        <FormField
          label="Delivery date"
          name="deliveryDate"
          type="date"
          min={minDate}
          defaultValue={v.deliveryDate}
          error={dateError}
          hint={`${minDateLabel} or later. Required unless you give a drop-off window below, which sets the day.`}
        />
      </fieldset>
      <fieldset className="card grid gap-4 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">Recipient</legend>
        <FormField
          label="Recipient name"
          name="recipientName"
          required
          maxLength={LIMITS.name}
          defaultValue={v.recipientName}
          error={e.recipientName}
        />
        <FormField
          label="Phone"
          name="recipientPhone"
          type="tel"
          maxLength={LIMITS.phone}
          defaultValue={v.recipientPhone}
          error={e.recipientPhone}
        />
        <FormField
          label="Email"
          name="recipientEmail"
          type="email"
          maxLength={LIMITS.email}
          defaultValue={v.recipientEmail}
          error={e.recipientEmail}
          hint="Gets status updates by email."
        />
      </fieldset>
      <fieldset className="card grid gap-4 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">Package</legend>
        <FormField
          label="Product"
          name="productName"
          maxLength={LIMITS.productName}
          defaultValue={v.productName}
          error={e.productName}
        />
        <FormField
          label="Weight (kg)"
          name="packageWeightKg"
          inputMode="decimal"
          defaultValue={v.packageWeightKg}
          error={e.packageWeightKg}
          hint={`More than 0, at most ${LIMITS.maxWeightKg} kg, to the gram (3 decimals).`}
        />
        <FormField
          label="Your reference"
          name="externalReference"
          maxLength={LIMITS.externalReference}
          defaultValue={v.externalReference}
          error={e.externalReference}
          hint="Your order number; searchable in the table."
        />
        <FormField
          label="Notes"
          name="notes"
          multiline
          maxLength={LIMITS.notes}
          defaultValue={v.notes}
          error={e.notes}
          className="sm:col-span-2"
        />
      </fieldset>
      <fieldset className="card grid gap-4 sm:grid-cols-2" aria-describedby="windows-zone" data-testid="window-fields">
        <legend className="px-1 text-base font-semibold">Time windows (optional)</legend>
        <p id="windows-zone" className="text-sm text-slate-600 sm:col-span-2" data-testid="windows-zone">
          {zoneText}. Give both times of a window, or neither.
        </p>
        {(
          [
            ["pickupWindow", "Pickup"],
            ["dropoffWindow", "Drop-off"],
          ] as const
        ).map(([window, label]) => (
          <div key={window} className="grid gap-4 sm:col-span-2 sm:grid-cols-2">
            <FormField
              label={`${label} window from`}
              name={WINDOW_FIELDS[window].from}
              type="datetime-local"
              defaultValue={v[WINDOW_FIELDS[window].from]}
              error={e[WINDOW_FIELDS[window].from]}
            />
            <FormField
              label={`${label} window until`}
              name={WINDOW_FIELDS[window].to}
              type="datetime-local"
              defaultValue={v[WINDOW_FIELDS[window].to]}
              error={e[WINDOW_FIELDS[window].to]}
            />
          </div>
        ))}
      </fieldset>
      <div className="flex justify-end gap-2">
        <ButtonLink href="/deliveries">Cancel</ButtonLink>
        <SubmitButton pendingText="Submitting…">Submit delivery</SubmitButton>
      </div>
    </form>
  );
}
