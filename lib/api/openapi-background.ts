// The OpenAPI parts added with background work: notifications, the admin outbox, and the
// partner webhook (signature scheme and verification example).
import type { OpenAPIRegistry, ResponseConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { listNotificationsQuerySchema, notificationListSchema } from "@/lib/notifications/schemas";
import { outboxStatsSchema, retryOutboxSchema } from "@/lib/outbox/schemas";
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

interface Helpers {
  ok(description: string, schema: z.ZodType): ResponseConfig;
  problem(description: string): ResponseConfig;
}

export function registerBackgroundWork(registry: OpenAPIRegistry, { ok, problem }: Helpers) {
  const session = [{ session: [] }];
  const unauthenticated = { 401: problem("Not signed in.") };
  // Out of the caller's reach answers like an unknown path (DESIGN §2), never 403.
  const peopleOnly = {
    ...unauthenticated,
    404: problem("Called with an API key: notifications belong to people (the 404 of an unknown path)."),
  };
  const adminsOnly = { ...unauthenticated, 404: problem("Not an admin (the 404 of an unknown path).") };
  registry.registerPath({
    method: "get",
    path: "/api/v1/notifications",
    summary: "Your in-app notifications, newest first",
    security: session,
    request: { query: listNotificationsQuerySchema },
    responses: {
      200: ok("Notifications and the unread count.", notificationListSchema),
      400: problem("Invalid query."),
      ...peopleOnly,
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/notifications/unread-count",
    summary: "Unread count (what the bell polls)",
    security: session,
    responses: { 200: ok("The count.", z.object({ unreadCount: z.number().int() })), ...peopleOnly },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/notifications/{id}/read",
    summary: "Mark one notification read",
    security: session,
    request: { params: z.object({ id: z.uuid() }) },
    responses: {
      204: { description: "Marked." },
      ...unauthenticated,
      404: problem("Unknown or not yours, or called with an API key."),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/notifications/read-all",
    summary: "Mark all your notifications read",
    security: session,
    responses: { 200: ok("How many were marked.", z.object({ marked: z.number().int() })), ...peopleOnly },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/admin/outbox",
    summary: "Outbox health (admins)",
    description:
      "Events waiting to be handed to Inngest. When Inngest is unreachable they are kept and retried with backoff.",
    security: session,
    responses: {
      200: ok("Counts and the oldest pending age.", outboxStatsSchema),
      ...adminsOnly,
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/admin/outbox/retry",
    summary: "Retry pending outbox events now (admins)",
    security: session,
    request: { body: { required: true, content: { "application/json": { schema: retryOutboxSchema } } } },
    responses: {
      200: ok("How many rows were made due.", z.object({ retried: z.number().int() })),
      ...adminsOnly,
    },
  });
  registry.registerWebhook({
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
