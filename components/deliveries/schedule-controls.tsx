"use client";

// The schedule card's controls (components/deliveries/delivery-schedule.tsx): reschedule, re-attempt
// and the ETA, each in its own dialog that keeps its errors and typed values to itself. Which ones
// show is decided on the server (the page passes only those the viewer may use now).
import { FormField } from "@/components/form-field";
import { ConfirmDialog, type DialogFieldsProps } from "@/components/ui/confirm-dialog";
import { LIMITS } from "@/lib/deliveries/schemas";
import { WINDOW_FIELDS } from "@/lib/deliveries/window-form";
import {
  etaAction,
  reattemptAction,
  rescheduleAction,
  type ScheduleState,
} from "@/app/(app)/deliveries/[id]/schedule-actions";

type WindowName = keyof typeof WINDOW_FIELDS;

/** Current windows as datetime-local values in the partner's zone (the dialogs start from them). */
export type LocalWindows = Partial<Record<WindowName, { from: string; to: string }>>;

function WindowInputs({
  window,
  label,
  errors,
  values,
  current,
  prefix,
}: DialogFieldsProps & { window: WindowName; label: string; current?: { from: string; to: string }; prefix: string }) {
  const names = WINDOW_FIELDS[window];
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <FormField
        id={`${prefix}-${names.from}`}
        label={`${label} from`}
        name={names.from}
        type="datetime-local"
        defaultValue={values[names.from] ?? current?.from}
        error={errors[names.from]}
      />
      <FormField
        id={`${prefix}-${names.to}`}
        label={`${label} until`}
        name={names.to}
        type="datetime-local"
        defaultValue={values[names.to] ?? current?.to}
        error={errors[names.to]}
      />
    </div>
  );
}

export function ScheduleControls({
  id,
  version,
  timeZone,
  windows,
  reschedule,
  reattempt,
  eta,
  keepCourier,
}: {
  id: string;
  version: number;
  timeZone: string;
  windows: LocalWindows;
  /** Offer each control: decided by the page from the permission table and the status. */
  reschedule?: boolean;
  reattempt?: boolean;
  eta?: boolean;
  /** The failed attempt's courier can take the next one (the re-attempt dialog offers it). */
  keepCourier?: boolean;
}) {
  const hidden = { id, version, timeZone };
  const zone = <p className="text-xs text-slate-600">Times in {timeZone}.</p>;
  return (
    <div className="flex flex-wrap gap-2" data-testid="schedule-controls">
      {reschedule && (
        <ConfirmDialog<ScheduleState>
          testId="reschedule"
          trigger="Reschedule"
          title="Reschedule this delivery"
          description="Move its windows. The recipient, the courier and the partner's systems are told."
          confirm="Reschedule"
          action={rescheduleAction}
          hidden={hidden}
          fields={(props) => (
            <>
              {zone}
              <WindowInputs
                {...props}
                prefix="reschedule"
                window="dropoffWindow"
                label="Drop-off window"
                current={windows.dropoffWindow}
              />
              <WindowInputs
                {...props}
                prefix="reschedule"
                window="pickupWindow"
                label="Pickup window"
                current={windows.pickupWindow}
              />
              <FormField
                id="reschedule-reason"
                label="Reason"
                name="reason"
                multiline
                required
                maxLength={LIMITS.reason}
                defaultValue={props.values.reason}
                error={props.errors.reason}
              />
            </>
          )}
          validate={(form): Record<string, string> =>
            String(form.get("reason") ?? "").trim() ? {} : { reason: "Say why: it is kept in the history" }
          }
        />
      )}
      {reattempt && (
        <ConfirmDialog<ScheduleState>
          testId="reattempt"
          trigger="Try again"
          triggerVariant="primary"
          title="Try this delivery again"
          description="It goes back to dispatch as its next attempt, with the same tracking code and history."
          confirm="Try again"
          action={reattemptAction}
          hidden={hidden}
          fields={(props) => (
            <>
              {zone}
              <WindowInputs {...props} prefix="reattempt" window="dropoffWindow" label="New drop-off window" />
              <WindowInputs {...props} prefix="reattempt" window="pickupWindow" label="Pickup window (optional)" />
              {keepCourier && (
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="keepCourier" defaultChecked={props.values.keepCourier === "on"} />
                  Keep the same courier
                </label>
              )}
            </>
          )}
        />
      )}
      {eta && (
        <ConfirmDialog<ScheduleState>
          testId="set-eta"
          trigger="Set ETA"
          triggerVariant="primary"
          title="When will you arrive?"
          description="The recipient is told the first time, and again if it moves by more than 15 minutes."
          confirm="Save ETA"
          action={etaAction}
          hidden={hidden}
          fields={(props) => (
            <>
              <FormField
                id="eta-minutes"
                label="In how many minutes"
                name="inMinutes"
                type="number"
                inputMode="numeric"
                min={1}
                max={1440}
                defaultValue={props.values.inMinutes}
                error={props.errors.inMinutes}
              />
              <FormField
                id="eta-at"
                label={`Or at (${timeZone})`}
                name="etaAt"
                type="datetime-local"
                defaultValue={props.values.etaAt}
                error={props.errors.etaAt}
              />
            </>
          )}
        />
      )}
    </div>
  );
}
