import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { resendWebhookMessage } from "@/lib/webhooks/resend-message";

// POST /api/v1/webhook-endpoints/{id}/messages/{messageId}/resend – send it again, same webhook-id, in the background
export const POST = withApi<{ id: string; messageId: string }>(
  { permission: "webhooks.manage" },
  async ({ actor, params }) => {
    return json(await resendWebhookMessage({ actor, id: params.id, messageId: params.messageId }), { status: 202 });
  },
);

// Any other method – 405 with Allow
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
