import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { markNotificationRead } from "@/lib/notifications/list-notifications";

// POST /api/v1/notifications/{id}/read – mark one of the caller's notifications read
export const POST = withApi<{ id: string }>({ permission: "notifications.read" }, async ({ actor, params }) => {
  await markNotificationRead({ actor, id: params.id });
  return new Response(null, { status: 204 });
});

// Any other method – 405 with Allow
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
