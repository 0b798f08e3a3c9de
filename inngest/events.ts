// Typed Inngest triggers over the outbox event contract (lib/outbox/events.ts): the relay sends
// each committed OutboxEvent row with the row id as the event id.
import { eventType } from "inngest";
import {
  deliveryAssignedData,
  deliveryCreatedData,
  deliveryEtaUpdatedData,
  deliveryRescheduledData,
  deliveryStatusChangedData,
  importConfirmedData,
  webhookReplayRequestedData,
  webhookResendRequestedData,
} from "@/lib/outbox/events";

export const deliveryCreated = eventType("delivery/created", { schema: deliveryCreatedData });
export const deliveryStatusChanged = eventType("delivery/status.changed", { schema: deliveryStatusChangedData });
export const deliveryAssigned = eventType("delivery/assigned", { schema: deliveryAssignedData });
export const deliveryRescheduled = eventType("delivery/rescheduled", { schema: deliveryRescheduledData });
export const deliveryEtaUpdated = eventType("delivery/eta.updated", { schema: deliveryEtaUpdatedData });
export const importConfirmed = eventType("import/confirmed", { schema: importConfirmedData });
export const webhookReplayRequested = eventType("webhook/replay.requested", { schema: webhookReplayRequestedData });
export const webhookResendRequested = eventType("webhook/resend.requested", { schema: webhookResendRequestedData });

/** Every delivery event; the delivery side-effect functions are triggered by each of them. */
export const deliveryEventTriggers = [
  deliveryCreated,
  deliveryStatusChanged,
  deliveryAssigned,
  deliveryRescheduled,
  deliveryEtaUpdated,
];
