import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { countUnread } from "@/lib/notifications/list-notifications";

// GET /api/v1/notifications/unread-count – what the bell shows
export const GET = withApi({ permission: "notifications.read" }, async ({ actor }) => {
  return json({ unreadCount: await countUnread({ actor }) });
});

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
