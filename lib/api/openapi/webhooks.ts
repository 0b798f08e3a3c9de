// Webhooks: the endpoint operations, and what partners receive — every event type's payload, its
// signature (Standard Webhooks) and how to verify it.
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  createWebhookEndpointSchema,
  listWebhookMessagesQuerySchema,
  MAX_ENDPOINTS_PER_PARTNER,
  updateWebhookEndpointSchema,
  WEBHOOK_PAYLOAD_SCHEMAS,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  webhookEndpointWithSecretSchema,
  webhookMessageListSchema,
} from "@/lib/webhooks/schemas";
import { addOperation, idParam, ok, problem, SIGNED_IN } from "./shared";

export const WEBHOOK_DESCRIPTION = `Each change of one of your deliveries is POSTed as JSON \`{ id, type, createdAt, data }\` to every
enabled endpoint subscribed to its type (\`/api/v1/webhook-endpoints\`, or the webhook settings page). Respond with
any 2xx within 10 s; anything else is retried with exponential backoff, each endpoint on its own, and after
repeated consecutive failures the endpoint is disabled and you are told by email and in the app. The same event
may arrive more than once: deduplicate on \`webhook-id\` (the event \`id\`).

Requests are signed as [Standard Webhooks](https://www.standardwebhooks.com/): \`webhook-id\`,
\`webhook-timestamp\` (unix seconds) and \`webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>\`,
keyed by your endpoint's \`whsec_…\` secret. For 24 hours after a rotation the header carries two signatures,
space-separated: one per secret. Verify with a Standard Webhooks library, on the raw body:

\`\`\`js
import { Webhook } from "standardwebhooks";

// Throws unless a signature matches and the timestamp is within 5 minutes; returns the parsed event.
function verifyWebhook(secret, headers, rawBody) {
  return new Webhook(secret).verify(rawBody, headers);
}
\`\`\``;

const idAndMessage = z.object({ id: z.uuid(), messageId: z.uuid() });

export function registerWebhooks(registry: OpenAPIRegistry) {
  const tags: ["Webhooks"] = ["Webhooks"];
  const notFound = problem("No such endpoint, or another partner's.");
  const json = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema } } });
  addOperation(registry, {
    operationId: "createWebhookEndpoint",
    tags,
    method: "post",
    path: "/api/v1/webhook-endpoints",
    summary: "Add a webhook endpoint",
    description: `The answer carries the signing secret, and no later answer does. At most ${MAX_ENDPOINTS_PER_PARTNER} endpoints per partner.`,
    security: SIGNED_IN,
    request: { body: json(createWebhookEndpointSchema) },
    responses: {
      201: ok("Created, enabled, with its secret.", webhookEndpointWithSecretSchema, {
        Location: z.string().meta({ description: "The new endpoint's path." }),
      }),
      400: problem("Invalid fields, a URL refused by the SSRF rules (`url`) or an unknown event type (`events`)."),
      404: problem("An admin named no partner, or an unknown one."),
      409: problem(`The partner already has ${MAX_ENDPOINTS_PER_PARTNER} endpoints.`),
    },
  });
  addOperation(registry, {
    operationId: "listWebhookEndpoints",
    tags,
    method: "get",
    path: "/api/v1/webhook-endpoints",
    summary: "Your webhook endpoints, oldest first",
    description: `At most ${MAX_ENDPOINTS_PER_PARTNER}, so not paginated.`,
    security: SIGNED_IN,
    responses: {
      200: ok("The endpoints.", webhookEndpointListSchema),
      404: problem("Called as an admin: endpoints are per partner."),
    },
  });
  addOperation(registry, {
    operationId: "getWebhookEndpoint",
    tags,
    method: "get",
    path: "/api/v1/webhook-endpoints/{id}",
    summary: "One webhook endpoint",
    description: "Never its secret.",
    security: SIGNED_IN,
    request: { params: idParam },
    responses: { 200: ok("The endpoint.", webhookEndpointSchema), 404: notFound },
  });
  addOperation(registry, {
    operationId: "updateWebhookEndpoint",
    tags,
    method: "patch",
    path: "/api/v1/webhook-endpoints/{id}",
    summary: "Change a webhook endpoint",
    description: "Only the fields given change. A new URL or `enabled: true` enables it again and clears its failures.",
    security: SIGNED_IN,
    request: { params: idParam, body: json(updateWebhookEndpointSchema) },
    responses: {
      200: ok("The endpoint as it is now.", webhookEndpointSchema),
      400: problem("Invalid fields, a URL refused by the SSRF rules (`url`) or an unknown event type (`events`)."),
      404: notFound,
    },
  });
  addOperation(registry, {
    operationId: "deleteWebhookEndpoint",
    tags,
    method: "delete",
    path: "/api/v1/webhook-endpoints/{id}",
    summary: "Delete a webhook endpoint",
    description: "With its message log; nothing more is sent to it.",
    security: SIGNED_IN,
    request: { params: idParam },
    responses: { 204: { description: "Deleted." }, 404: notFound },
  });
  addOperation(registry, {
    operationId: "rotateWebhookSecret",
    tags,
    method: "post",
    path: "/api/v1/webhook-endpoints/{id}/rotate-secret",
    summary: "Rotate an endpoint's signing secret",
    description: "The new secret signs at once and is in this answer only; the old one signs too for 24 hours.",
    security: SIGNED_IN,
    request: { params: idParam },
    responses: { 200: ok("The endpoint with its new secret.", webhookEndpointWithSecretSchema), 404: notFound },
  });
  addOperation(registry, {
    operationId: "listWebhookMessages",
    tags,
    method: "get",
    path: "/api/v1/webhook-endpoints/{id}/messages",
    summary: "The message log of an endpoint, newest first",
    description:
      "Each event sent: type, time, delivery and tracking code, payload, and every attempt with its status, latency and the first KiB of the response body. Kept as long as the attempts (`RETENTION_WEBHOOK_ATTEMPTS_DAYS`).",
    security: SIGNED_IN,
    request: { params: idParam, query: listWebhookMessagesQuerySchema },
    responses: {
      200: ok("One page; `nextCursor` is null on the last.", webhookMessageListSchema),
      400: problem("Invalid query (`cursor`, `limit`)."),
      404: notFound,
    },
  });
  addOperation(registry, {
    operationId: "resendWebhookMessage",
    tags,
    method: "post",
    path: "/api/v1/webhook-endpoints/{id}/messages/{messageId}/resend",
    summary: "Send a logged message again",
    description:
      "Same body and `webhook-id`, freshly signed; sent in the background, retried until one attempt gets through.",
    security: SIGNED_IN,
    request: { params: idAndMessage },
    responses: {
      202: ok("Queued.", z.object({ messageId: z.uuid(), requestedAt: z.iso.datetime() })),
      404: problem("No such endpoint or message, or another partner's."),
      409: problem("The endpoint is disabled: enable it first."),
    },
  });

  for (const [type, schema] of Object.entries(WEBHOOK_PAYLOAD_SCHEMAS)) {
    registry.registerWebhook({
      operationId: `webhook_${type.replace(".", "_")}`,
      // We call the partner: no credential of ours is involved (the signature is in the headers).
      security: [],
      tags,
      method: "post",
      path: type,
      summary: `${type} sent to your endpoint`,
      description: schema.description ?? type,
      request: {
        headers: z.object({
          "webhook-id": z.string().meta({ description: "The event id: deduplicate on it." }),
          "webhook-timestamp": z.string().meta({ example: "1767225600" }),
          "webhook-signature": z.string().meta({ example: "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=" }),
        }),
        body: json(schema),
      },
      responses: { 200: { description: "Any 2xx acknowledges the event." } },
    });
  }
}
