import { otherMethods } from "@/lib/api/methods";
import { parseWith } from "@/lib/core/validation";
import { withApi } from "@/lib/api/handler";
import { searchParamsObject } from "@/lib/api/http";
import { json } from "@/lib/api/responses";
import { listWebhookMessages } from "@/lib/webhooks/list-messages";
import { listWebhookMessagesQuerySchema } from "@/lib/webhooks/schemas";

// GET /api/v1/webhook-endpoints/{id}/messages – the events sent to it, newest first, with every attempt
export const GET = withApi<{ id: string }>({ permission: "webhooks.manage" }, async ({ request, actor, params }) => {
  const query = parseWith(listWebhookMessagesQuerySchema, searchParamsObject(request.url), "query");
  return json(await listWebhookMessages({ actor, id: params.id, query }));
});

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
