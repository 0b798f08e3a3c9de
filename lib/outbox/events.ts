// The outbox event contract (DESIGN §7): every event a change announces, its name and payload
// schema. Use cases write them with writeOutboxEvent in the transaction of the change; inngest/
// turns them into typed triggers; the functions parse them with these schemas. One definition.
import { z } from "zod";
import { deliveryStatusSchema } from "@/lib/deliveries/schemas";
import type { Tx } from "@/lib/db";
import { currentTraceparent } from "@/lib/observability/trace";

export const deliveryCreatedData = z.object({
  deliveryId: z.uuid(),
  partnerId: z.uuid(),
  trackingCode: z.string(),
  status: z.literal("CREATED"),
  occurredAt: z.string(),
  /** Created by a CSV import: the partner hears about the import as a whole, not per row. */
  importId: z.uuid().optional(),
});

export const deliveryStatusChangedData = z.object({
  deliveryId: z.uuid(),
  partnerId: z.uuid(),
  trackingCode: z.string(),
  from: deliveryStatusSchema,
  to: deliveryStatusSchema,
  reason: z.string().nullable(),
  version: z.number().int(),
  occurredAt: z.string(),
  /** The courier who has the delivery after the change (null: nobody); absent on older events. */
  assigneeId: z.uuid().nullable().optional(),
});

/** A courier was given the delivery (CREATED → ASSIGNED) or it passed to another (ASSIGNED → ASSIGNED). */
export const deliveryAssignedData = deliveryStatusChangedData.extend({
  assigneeId: z.uuid(),
  previousAssigneeId: z.uuid().nullable(),
});

const windowData = z.object({ from: z.string(), to: z.string() }).nullable();

/** A delivery's windows moved (a reschedule), with who had it and why. */
export const deliveryRescheduledData = z.object({
  deliveryId: z.uuid(),
  partnerId: z.uuid(),
  trackingCode: z.string(),
  reason: z.string(),
  version: z.number().int(),
  occurredAt: z.string(),
  assigneeId: z.uuid().nullable(),
  previous: z.object({ pickupWindow: windowData, dropoffWindow: windowData }),
  pickupWindow: windowData,
  dropoffWindow: windowData,
});

/** The courier set or moved the ETA; `announce` when the recipient is to hear of it. */
export const deliveryEtaUpdatedData = z.object({
  deliveryId: z.uuid(),
  partnerId: z.uuid(),
  trackingCode: z.string(),
  eta: z.string(),
  previousEta: z.string().nullable(),
  /** The first ETA, or one more than 15 minutes from the last the recipient was told. */
  announce: z.boolean(),
  version: z.number().int(),
  occurredAt: z.string(),
});

/** A partner confirmed a validated CSV import: its rows are to be created. */
export const importConfirmedData = z.object({ importId: z.uuid() });

/** A partner asked for the events their disabled endpoint missed since `since` to be sent again. */
export const webhookReplayRequestedData = z.object({
  endpointId: z.uuid(),
  since: z.iso.datetime(),
});

/** A partner asked for one logged webhook message to be sent again, under its own `webhook-id`. */
export const webhookResendRequestedData = z.object({
  messageId: z.uuid(),
  requestedAt: z.iso.datetime(),
});

export type DeliveryCreatedData = z.infer<typeof deliveryCreatedData>;
export type DeliveryStatusChangedData = z.infer<typeof deliveryStatusChangedData>;
export type DeliveryAssignedData = z.infer<typeof deliveryAssignedData>;
export type DeliveryRescheduledData = z.infer<typeof deliveryRescheduledData>;
export type DeliveryEtaUpdatedData = z.infer<typeof deliveryEtaUpdatedData>;

export const OUTBOX_EVENTS = {
  "delivery/created": deliveryCreatedData,
  "delivery/status.changed": deliveryStatusChangedData,
  "delivery/assigned": deliveryAssignedData,
  "delivery/rescheduled": deliveryRescheduledData,
  "delivery/eta.updated": deliveryEtaUpdatedData,
  "webhook/replay.requested": webhookReplayRequestedData,
  "webhook/resend.requested": webhookResendRequestedData,
  "import/confirmed": importConfirmedData,
} as const;

export type OutboxEventName = keyof typeof OUTBOX_EVENTS;

export type OutboxEventInput = {
  [N in OutboxEventName]: { name: N; data: z.infer<(typeof OUTBOX_EVENTS)[N]> };
}[OutboxEventName];

/** A delivery event as functions see it: the outbox row id is the event id. */
export const DELIVERY_EVENT_NAMES = [
  "delivery/created",
  "delivery/status.changed",
  "delivery/assigned",
  "delivery/rescheduled",
  "delivery/eta.updated",
] as const;

export type DeliveryEvent = Extract<OutboxEventInput, { name: (typeof DELIVERY_EVENT_NAMES)[number] }> & {
  id: string;
};

/** The delivery events that move its status (created, changed, assigned): the ones with `to`. */
export type StatusEvent = Extract<
  DeliveryEvent,
  { name: "delivery/created" | "delivery/status.changed" | "delivery/assigned" }
>;

/**
 * An event as its outbox row holds it: the name and the payload, checked against its schema. For
 * use cases that write the row in their own SQL (createDelivery's single statement), so their
 * payloads are held to the same contract as writeOutboxEvent's.
 */
export function outboxRow<E extends OutboxEventInput>(event: E): { name: E["name"]; payload: E["data"] } {
  return { name: event.name, payload: OUTBOX_EVENTS[event.name].parse(event.data) as E["data"] };
}

/** Writes one event in the caller's transaction; the payload is checked against its schema. */
export async function writeOutboxEvent(tx: Tx, event: OutboxEventInput): Promise<void> {
  await tx.outboxEvent.create({ data: { ...outboxRow(event), traceparent: currentTraceparent() } });
}
