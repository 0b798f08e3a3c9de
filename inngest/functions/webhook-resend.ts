// On webhook/resend.requested: send one logged message again, under its own `webhook-id`, until
// an attempt after the request gets through. The request is read from its outbox row, never
// from the event: an event no change wrote sends nothing.
import { NonRetriableError } from "inngest";
import { inngest } from "@/inngest/client";
import { webhookResendRequested } from "@/inngest/events";
import { announceWebhookDisabled } from "@/lib/webhooks/announce-disabled";
import { loadResendRequest } from "@/lib/webhooks/resend-message";
import { deliverMessage } from "@/lib/webhooks/send-webhook";

export const webhookResend = inngest.createFunction(
  { id: "webhook-resend", triggers: [webhookResendRequested], retries: 5 },
  async ({ event, step }) => {
    const request = await loadResendRequest(event);
    if (!request) throw new NonRetriableError(`No outbox row ${event.id ?? "(no id)"} (${event.name}); skipped`);
    const result = await step.run("resend", () =>
      deliverMessage(request.messageId, { since: new Date(request.requestedAt) }),
    );
    if (result.outcome === "disabled") {
      await step.run("announce-disabled", () => announceWebhookDisabled(result.endpointId));
    }
    return result;
  },
);
