import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { getFormatter } from "@/lib/format-request";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { listNotificationsQuerySchema } from "@/lib/notifications/schemas";
import { NotificationList } from "./notification-list";

export const metadata: Metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

const SHOWN = 100;

// /notifications – the signed-in user's notifications; refreshed in place while open
export default async function NotificationsPage() {
  const actor = await requireActor(PAGES.notifications);
  const [{ data, unreadCount }, format] = await Promise.all([
    listNotifications({ actor, query: listNotificationsQuerySchema.parse({ limit: SHOWN }) }),
    getFormatter(),
  ]);
  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          data.length === SHOWN
            ? `The latest ${format.number(SHOWN)}: older ones are removed as they age.`
            : "What changed on your deliveries; new ones appear here without a reload."
        }
      />
      <NotificationList
        notifications={data.map((n) => ({ ...n, when: format.dateTime(n.createdAt) }))}
        unreadCount={unreadCount}
        unreadText={format.number(unreadCount)}
      />
    </>
  );
}
