// What partners receive: the webhook events, their signature and how to verify it.
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { webhookPayloadSchema } from "@/lib/webhooks/schemas";

export const WEBHOOK_DESCRIPTION = `Every change of one of your deliveries is POSTed as JSON \`{ id, type, createdAt, data }\` to the URL
set in /settings/webhook. Respond with any 2xx within 10 s; anything else is retried with exponential backoff,
and after repeated consecutive failures the endpoint is disabled and you are told by email and in the app.
The same event may arrive more than once: deduplicate on \`id\` (also sent as the \`Webhook-Id\` header).

Event types: \`delivery.created\`; \`delivery.status_changed\` (\`data.from\`, \`data.to\`, \`data.reason\`,
\`data.assigneeId\`); \`delivery.assigned\` (a courier was given the delivery or it passed to another:
\`data.assigneeId\`, \`data.previousAssigneeId\`, and \`data.delivery.assignee\`); \`webhook.test\`.

Each request carries \`Webhook-Signature: t=<unix seconds>,v1=<hex>\`, where the hex is
HMAC-SHA256 with your signing secret over \`t + "." + rawBody\`. Verify it on the raw body, compare in constant
time and reject old timestamps:

\`\`\`js
import { createHmac, timingSafeEqual } from "node:crypto";
function verify(secret, header, rawBody, toleranceSeconds = 300) {
  const { t, v1 } = Object.fromEntries(header.split(",").map((p) => p.split("=")));
  if (!t || !v1 || Math.abs(Date.now() / 1000 - Number(t)) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(\`\${t}.\${rawBody}\`).digest();
  const given = Buffer.from(v1, "hex");
  return given.length === expected.length && timingSafeEqual(expected, given);
}
\`\`\``;

export function registerWebhooks(registry: OpenAPIRegistry) {
  registry.registerWebhook({
    operationId: "deliveryEvent",
    // We call the partner: no credential of ours is involved (the signature is in the headers).
    security: [],
    tags: ["Deliveries"],
    method: "post",
    path: "delivery-event",
    summary: "Delivery events sent to your endpoint",
    description: WEBHOOK_DESCRIPTION,
    request: {
      headers: z.object({
        "Webhook-Signature": z
          .string()
          .meta({ example: "t=1767225600,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd" }),
        "Webhook-Id": z.string(),
      }),
      body: { required: true, content: { "application/json": { schema: webhookPayloadSchema } } },
    },
    responses: { 200: { description: "Any 2xx acknowledges the event." } },
  });
}
