// On every delivery event: POST the signed webhook to the delivery owner's endpoint. A failed
// attempt throws, so the executor retries it with backoff; the attempt that reaches
// WEBHOOK_MAX_FAILURES consecutive failures disables the endpoint, and the partner is told.
import { inngest } from "@/inngest/client";
import { deliveryAssigned, deliveryCreated, deliveryStatusChanged } from "@/inngest/events";
import { deliveryEventOf, IMPORT_ROWS_YIELD } from "@/inngest/functions/support";
import { announceWebhookDisabled } from "@/lib/webhooks/announce-disabled";
import { deliverWebhook } from "@/lib/webhooks/send-webhook";
import { webhookEventFor } from "@/lib/webhooks/event-payload";

export const deliveryWebhook = inngest.createFunction(
  {
    id: "delivery-webhook",
    triggers: [deliveryCreated, deliveryStatusChanged, deliveryAssigned],
    retries: 8,
    priority: IMPORT_ROWS_YIELD,
  },
  async ({ event, step }) => {
    const e = await deliveryEventOf(event);
    const result = await step.run("deliver", async () => {
      const webhook = await webhookEventFor(e);
      return webhook ? deliverWebhook(webhook) : { outcome: "skipped" as const, reason: "delivery not found" };
    });
    if (result.outcome === "disabled") {
      await step.run("announce-disabled", () => announceWebhookDisabled(result.endpointId));
    }
    return result;
  },
);
