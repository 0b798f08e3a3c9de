// In-app notifications: people only (an API key finds no such route).
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { listNotificationsQuerySchema, notificationListSchema } from "@/lib/notifications/schemas";
import { addOperation, idParam, ok, problem, SESSION_ONLY } from "./shared";

export function registerNotifications(registry: OpenAPIRegistry) {
  const tags: ["Notifications"] = ["Notifications"];
  // Out of the caller's reach answers like an unknown path, never 403.
  const peopleOnly = problem("Called with an API key: notifications belong to people (the 404 of an unknown path).");
  addOperation(registry, {
    operationId: "listNotifications",
    tags,
    method: "get",
    path: "/api/v1/notifications",
    summary: "Your in-app notifications, newest first",
    description: "With the unread count; `unread=true` lists only unread ones.",
    security: SESSION_ONLY,
    request: { query: listNotificationsQuerySchema },
    responses: {
      200: ok("Notifications and the unread count.", notificationListSchema),
      400: problem("Invalid query."),
      404: peopleOnly,
    },
  });
  addOperation(registry, {
    operationId: "countUnreadNotifications",
    tags,
    method: "get",
    path: "/api/v1/notifications/unread-count",
    summary: "Unread count (what the bell shows)",
    description: "Read again when `GET /api/v1/live` says `event: notification`; cheap enough to poll too.",
    security: SESSION_ONLY,
    responses: { 200: ok("The count.", z.object({ unreadCount: z.number().int() })), 404: peopleOnly },
  });
  addOperation(registry, {
    operationId: "markNotificationRead",
    tags,
    method: "post",
    path: "/api/v1/notifications/{id}/read",
    summary: "Mark one notification read",
    description: "Marking one already read changes nothing.",
    security: SESSION_ONLY,
    request: { params: idParam },
    responses: {
      204: { description: "Marked." },
      404: problem("Unknown or not yours, or called with an API key."),
    },
  });
  addOperation(registry, {
    operationId: "markAllNotificationsRead",
    tags,
    method: "post",
    path: "/api/v1/notifications/read-all",
    summary: "Mark all your notifications read",
    description: "Answers how many were unread.",
    security: SESSION_ONLY,
    responses: { 200: ok("How many were marked.", z.object({ marked: z.number().int() })), 404: peopleOnly },
  });
}
