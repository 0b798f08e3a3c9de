// On every delivery event: POST the signed webhook to the partner's endpoint. A failed attempt
// throws, so Inngest retries it with its exponential backoff; the attempt that reaches
// WEBHOOK_MAX_FAILURES consecutive failures disables the endpoint, and the partner is told.
import { NonRetriableError } from "inngest";
import { inngest } from "@/inngest/client";
import { deliveryCreated, deliveryStatusChanged } from "@/inngest/events";
import type { DeliveryEvent } from "@/lib/notifications/delivery-events";
import { announceWebhookDisabled } from "@/lib/webhooks/announce-disabled";
import { deliverWebhook } from "@/lib/webhooks/deliver-webhook";
import { webhookEventFor } from "@/lib/webhooks/delivery-webhook";

export const deliveryWebhook = inngest.createFunction(
  { id: "delivery-webhook", triggers: [deliveryCreated, deliveryStatusChanged], retries: 8 },
  async ({ event, step }) => {
    if (!event.id) throw new NonRetriableError("Delivery events carry their outbox id as the event id");
    const e = { id: event.id, name: event.name, data: event.data } as DeliveryEvent;
    const result = await step.run("deliver", async () => deliverWebhook(await webhookEventFor(e)));
    if (result.outcome === "disabled") {
      await step.run("announce-disabled", () => announceWebhookDisabled(result.endpointId));
    }
    return result;
  },
);
