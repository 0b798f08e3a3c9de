import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { rotateWebhookSecret } from "@/lib/webhooks/manage-endpoint";

// POST /api/v1/webhook-endpoints/{id}/rotate-secret – a new secret, shown once; the old one signs for 24 h more
export const POST = withApi<{ id: string }>({ permission: "webhooks.manage" }, async ({ actor, params }) => {
  return json(await rotateWebhookSecret({ actor, id: params.id }));
});

// Any other method – 405 with Allow
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
