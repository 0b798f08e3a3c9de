import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { listNotificationsQuerySchema } from "@/lib/notifications/schemas";
import { NotificationList } from "./notification-list";

export const metadata: Metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

// /notifications – the signed-in user's notifications; refreshed in place while open
export default async function NotificationsPage() {
  const actor = await requireActor(PAGES.notifications);
  const { data, unreadCount } = await listNotifications({
    actor,
    query: listNotificationsQuerySchema.parse({ limit: 100 }),
  });
  return (
    <div className="grid gap-4">
      <h1>Notifications</h1>
      <NotificationList notifications={data} unreadCount={unreadCount} />
    </div>
  );
}
