import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { listNotificationsQuerySchema } from "@/lib/notifications/schemas";
import { NotificationList } from "./notification-list";

export const metadata: Metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

// /notifications – the signed-in user's notifications; refreshed in place while open
export default async function NotificationsPage() {
  const actor = await sessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/notifications");
  if (!can(actor, "notifications.read")) redirect("/");
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
