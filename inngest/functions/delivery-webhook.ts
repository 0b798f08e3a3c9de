// On every delivery event: POST the signed webhook to each enabled endpoint of the delivery's owner
// that subscribes to the event's type, all at once. A failed attempt throws, so the executor
// retries the step with backoff, and the retry sends only to the endpoints that have not got it;
// the attempt that reaches WEBHOOK_MAX_FAILURES consecutive failures disables that endpoint, and
// the partner is told.
import { inngest } from "@/inngest/client";
import { deliveryEventTriggers } from "@/inngest/events";
import { deliveryEventOf, IMPORT_ROWS_YIELD } from "@/inngest/functions/support";
import { fanOutWebhook, subscribedEndpoints } from "@/lib/webhooks/send-webhook";
import { webhookEventFor } from "@/lib/webhooks/event-payload";

export const deliveryWebhook = inngest.createFunction(
  {
    id: "delivery-webhook",
    triggers: deliveryEventTriggers,
    retries: 8,
    priority: IMPORT_ROWS_YIELD,
  },
  async ({ event, step }) => {
    const e = await deliveryEventOf(event);
    // Listed once: an endpoint added later does not get this event on a retry.
    const endpointIds = await step.run("endpoints", async () => {
      const webhook = await webhookEventFor(e);
      return webhook ? (await subscribedEndpoints(webhook)).map((x) => x.id) : [];
    });
    if (endpointIds.length === 0) return { endpoints: {} };
    const endpoints = await step.run("deliver", async () => {
      const webhook = await webhookEventFor(e);
      return webhook ? fanOutWebhook(webhook, endpointIds) : {};
    });
    return { endpoints };
  },
);
