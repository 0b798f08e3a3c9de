import { otherMethods } from "@/lib/api/methods";
import { parseWith } from "@/lib/core/validation";
import { withApi } from "@/lib/api/handler";
import { searchParamsObject } from "@/lib/api/http";
import { json } from "@/lib/api/responses";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { listNotificationsQuerySchema } from "@/lib/notifications/schemas";

// GET /api/v1/notifications – the caller's notifications, newest first, with the unread count
export const GET = withApi({ permission: "notifications.read" }, async ({ request, actor }) => {
  const query = parseWith(listNotificationsQuerySchema, searchParamsObject(request.url), "query");
  return json(await listNotifications({ actor, query }));
});

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
