import { z } from "zod";

export const listNotificationsQuerySchema = z.strictObject({
  unread: z.stringbool().optional().meta({ description: "Only unread notifications." }),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    deliveryId: z.uuid().nullable(),
    importId: z.uuid().nullable().meta({ description: "The CSV import the notification is about, if any." }),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Notification" });

export const notificationListSchema = z
  .object({ data: z.array(notificationSchema), unreadCount: z.number().int() })
  .meta({ id: "NotificationList" });

/** Marking one notification read from the page (the REST route takes the id from its path). */
export const markNotificationReadSchema = z.strictObject({ id: z.string() });
