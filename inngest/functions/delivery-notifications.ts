// On every delivery event, in batches: in-app notifications for the partner's active users, then
// the emails to the partner's contact and the recipient. An email that fails is retried (with the
// step) without holding the notifications back, and without sending the others again.
import { inngest } from "@/inngest/client";
import { loadDeliveryEvents } from "@/lib/outbox/load-event";
import { deliveryEventTriggers } from "@/inngest/events";
import { DELIVERY_BATCHES, endBatch } from "@/inngest/functions/support";
import { emailForEvents, notifyForEvents } from "@/lib/notifications/delivery-events";

export const deliveryNotifications = inngest.createFunction(
  { id: "delivery-notifications", triggers: deliveryEventTriggers, retries: 5, ...DELIVERY_BATCHES },
  async ({ events, step }) => {
    const batch = await loadDeliveryEvents(events);
    const inApp = await step.run("notify-partner-users", () => notifyForEvents(batch.events));
    const emails = await step.run("emails", () => emailForEvents(batch.events));
    return endBatch({ events: batch.events.length, inApp, emails }, batch.missing);
  },
);
