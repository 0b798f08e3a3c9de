import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/body";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { createWebhookEndpoint, listWebhookEndpoints, serializeEndpoint } from "@/lib/webhooks/manage-endpoint";
import { createWebhookEndpointSchema } from "@/lib/webhooks/schemas";

// POST /api/v1/webhook-endpoints – a new endpoint; the answer carries its secret, once
export const POST = withApi({ permission: "webhooks.manage" }, async ({ request, actor }) => {
  const input = await readJson(request, createWebhookEndpointSchema);
  const endpoint = await createWebhookEndpoint({ actor, input });
  return json(endpoint, { status: 201, headers: { location: `/api/v1/webhook-endpoints/${endpoint.id}` } });
});

// GET /api/v1/webhook-endpoints – the caller's endpoints, oldest first (at most 10)
export const GET = withApi({ permission: "webhooks.manage" }, async ({ actor }) => {
  return json({ data: (await listWebhookEndpoints({ actor })).map(serializeEndpoint) });
});

// Any other method – 405 with Allow
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
