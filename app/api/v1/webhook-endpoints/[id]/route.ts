import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/body";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import {
  deleteWebhookEndpoint,
  endpointOf,
  serializeEndpoint,
  updateWebhookEndpoint,
} from "@/lib/webhooks/manage-endpoint";
import { updateWebhookEndpointSchema } from "@/lib/webhooks/schemas";

// GET /api/v1/webhook-endpoints/{id} – one endpoint (never its secret)
export const GET = withApi<{ id: string }>({ permission: "webhooks.manage" }, async ({ actor, params }) => {
  return json(serializeEndpoint(await endpointOf({ actor, id: params.id })));
});

// PATCH /api/v1/webhook-endpoints/{id} – change URL, subscriptions, description or enabled
export const PATCH = withApi<{ id: string }>({ permission: "webhooks.manage" }, async ({ request, actor, params }) => {
  const input = await readJson(request, updateWebhookEndpointSchema);
  return json(await updateWebhookEndpoint({ actor, id: params.id, input }));
});

// DELETE /api/v1/webhook-endpoints/{id} – the endpoint and its message log
export const DELETE = withApi<{ id: string }>({ permission: "webhooks.manage" }, async ({ actor, params }) => {
  await deleteWebhookEndpoint({ actor, id: params.id });
  return new Response(null, { status: 204 });
});

// Any other method – 405 with Allow
export const { POST, PUT } = otherMethods("GET", "PATCH", "DELETE");
