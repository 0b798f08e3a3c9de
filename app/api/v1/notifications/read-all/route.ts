import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { markAllNotificationsRead } from "@/lib/notifications/list-notifications";

// POST /api/v1/notifications/read-all – mark all of the caller's notifications read
export const POST = withApi({ permission: "notifications.read" }, async ({ actor }) => {
  return json({ marked: await markAllNotificationsRead({ actor }) });
});

// Any other method – 405 with Allow
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
