// On every delivery event, in batches: the signed webhook to each enabled endpoint of the delivery's
// owner that subscribes to the event's type. The messages are written first (an endpoint added
// later does not get these events on a retry); a failed attempt throws, so the step is retried
// with backoff and sends only what has not got through. The attempt that reaches
// WEBHOOK_MAX_FAILURES consecutive failures disables that endpoint, and the partner is told.
import { inngest } from "@/inngest/client";
import { loadDeliveryEvents } from "@/lib/outbox/load-event";
import { deliveryEventTriggers } from "@/inngest/events";
import { DELIVERY_BATCHES, endBatch } from "@/inngest/functions/support";
import { prepareWebhookMessages } from "@/lib/webhooks/delivery-webhooks";
import { deliverPending } from "@/lib/webhooks/send-webhook";

export const deliveryWebhooks = inngest.createFunction(
  { id: "delivery-webhooks", triggers: deliveryEventTriggers, retries: 8, ...DELIVERY_BATCHES },
  async ({ events, step }) => {
    const batch = await loadDeliveryEvents(events);
    const { messages } = await step.run("messages", () => prepareWebhookMessages(batch.events));
    const sent = messages > 0 ? await step.run("deliver", () => deliverPending(batch.events.map((e) => e.id))) : null;
    return endBatch({ events: batch.events.length, messages, sent }, batch.missing);
  },
);
