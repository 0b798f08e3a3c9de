"use server";

// The schedule's controls on the delivery pages: reschedule, re-attempt and the courier's ETA, each
// the API's use case through the one form-action wrapper. Window inputs are wall-clock times in
// the partner's zone, which the page hands over with the form (it only says how to read what the
// person typed; a different zone is no more than typing other times).
import { runFormAction, type FormState } from "@/lib/api/form-action";
import { canonicalTimeZone, localToInstant } from "@/lib/deliveries/windows";
import { formFieldOf, windowFromForm } from "@/lib/deliveries/window-form";
import { etaFormSchema, reattemptFormSchema, rescheduleFormSchema } from "@/lib/deliveries/schemas";
import { reattemptDelivery } from "@/lib/deliveries/reattempt-delivery";
import { rescheduleDelivery } from "@/lib/deliveries/reschedule-delivery";
import { setEta } from "@/lib/deliveries/set-eta";

export type ScheduleState = FormState<unknown, { stale: string }>;

const STALE = {
  stale: "Someone else changed this delivery meanwhile. The page shows its current state; nothing was changed by you.",
};
const HIDDEN = { fields: ["id", "version", "timeZone"], message: "This request is not valid; reload the page." };

const zoneOf = (values: Record<string, string>) => canonicalTimeZone(values.timeZone ?? "") ?? "UTC";
const windows = (values: Record<string, string>) => ({
  pickupWindow: windowFromForm(values, "pickupWindow", zoneOf(values)),
  dropoffWindow: windowFromForm(values, "dropoffWindow", zoneOf(values)),
});
const refused = (code: string) => (code === "precondition_failed" ? STALE : undefined);

export async function rescheduleAction(_state: ScheduleState, form: FormData): Promise<ScheduleState> {
  return runFormAction({
    permission: "deliveries.reschedule",
    schema: rescheduleFormSchema,
    form,
    prepare: (values) => ({ id: values.id, version: values.version, reason: values.reason, ...windows(values) }),
    fieldOf: formFieldOf,
    hidden: HIDDEN,
    revalidate: ({ id }) => `/deliveries/${id}`,
    run: (actor, { id, version, ...input }) => rescheduleDelivery({ actor, id, input, expectedVersion: version }),
    ok: (d) => `${d.trackingCode} is rescheduled.`,
    onError: (error) => refused(error.code),
  });
}

export async function reattemptAction(_state: ScheduleState, form: FormData): Promise<ScheduleState> {
  return runFormAction({
    permission: "deliveries.reattempt",
    schema: reattemptFormSchema,
    form,
    prepare: (values) => ({
      id: values.id,
      version: values.version,
      keepCourier: values.keepCourier === "on",
      ...windows(values),
    }),
    fieldOf: formFieldOf,
    hidden: HIDDEN,
    revalidate: ({ id }) => `/deliveries/${id}`,
    run: (actor, { id, version, ...input }) => reattemptDelivery({ actor, id, input, expectedVersion: version }),
    ok: (d) => `${d.trackingCode} is on its way again as attempt ${d.attempt}.`,
    onError: (error) => refused(error.code) ?? (error.code === "conflict" ? { error: error.message } : undefined),
  });
}

export async function etaAction(_state: ScheduleState, form: FormData): Promise<ScheduleState> {
  return runFormAction({
    permission: "deliveries.setEta",
    schema: etaFormSchema,
    form,
    // "In N minutes", or a time (in the partner's zone) when one is typed.
    prepare: (values) => {
      const at = (values.etaAt ?? "").trim();
      const minutes = (values.inMinutes ?? "").trim();
      return {
        id: values.id,
        version: values.version,
        ...(at
          ? { eta: localToInstant(at, zoneOf(values))?.toISOString() ?? at }
          : minutes
            ? { inMinutes: Number(minutes) }
            : {}),
      };
    },
    fieldOf: (path) => (path === "eta" ? "etaAt" : path),
    hidden: HIDDEN,
    revalidate: ({ id }) => `/courier/${id}`,
    run: (actor, { id, version, ...input }) => setEta({ actor, id, input, expectedVersion: version }),
    ok: (d) => `ETA saved for ${d.trackingCode}.`,
    onError: (error) => refused(error.code),
  });
}
