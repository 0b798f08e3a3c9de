"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { ActionToast } from "@/components/action-toast";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { NOTIFICATIONS_CHANGED_EVENT } from "@/components/live/live-events";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./actions";

interface Item {
  id: string;
  title: string;
  body: string;
  deliveryId: string | null;
  importId: string | null;
  readAt: string | null;
  createdAt: string;
  /** createdAt as the viewer reads it (formatted by the page). */
  when: string;
}

/** Where opening a notification leads: what it is about. */
function hrefOf(n: Item): string | null {
  if (n.deliveryId) return `/deliveries/${n.deliveryId}`;
  if (n.importId) return `/deliveries/import/${n.importId}`;
  return null;
}

export function NotificationList({
  notifications,
  unreadCount,
  unreadText,
}: {
  notifications: Item[];
  unreadCount: number;
  unreadText: string;
}) {
  const router = useRouter();
  const [readOne, markRead, pendingOne] = useActionState(markNotificationReadAction, {});
  const [readAll, markAllRead, pendingAll] = useActionState(markAllNotificationsReadAction, {});
  const pending = pendingOne || pendingAll;
  // New notifications arrive on the live stream (components/live/live-events.tsx), which says so.
  useEffect(() => {
    const refresh = () => router.refresh();
    window.addEventListener(NOTIFICATIONS_CHANGED_EVENT, refresh);
    return () => window.removeEventListener(NOTIFICATIONS_CHANGED_EVENT, refresh);
  }, [router]);

  /**
   * Opening an unread notification reads it. The navigation does not wait, and this list is gone
   * by the answer, so the bell (which stays) is told directly.
   */
  const opened = (n: Item) => {
    if (n.readAt) return;
    const form = new FormData();
    form.set("id", n.id);
    void markNotificationReadAction({}, form).then(
      () => window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED_EVENT)),
      () => undefined, // unread it stays, as if never opened
    );
  };

  // The action revalidated this page; the bell in the header updates at once too.
  useEffect(() => {
    if (readOne.at || readAll.at) window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED_EVENT));
  }, [readOne, readAll]);

  if (notifications.length === 0)
    return <EmptyState title="No notifications yet" description="Changes to your deliveries will show up here." />;
  return (
    <div className="grid gap-3">
      <ActionToast state={readOne} id="notification-read" />
      <ActionToast state={readAll} id="notifications-read-all" />
      <form action={markAllRead} className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-700" aria-live="polite">
          <span data-testid="unread-count">{unreadText}</span> unread
        </p>
        {unreadCount > 0 && (
          <button type="submit" disabled={pending} className={buttonClass("secondary", "sm")}>
            Mark all read
          </button>
        )}
      </form>
      <ul className="grid gap-2" data-testid="notifications">
        {notifications.map((n) => {
          const href = hrefOf(n);
          return (
            <li
              key={n.id}
              className={`card grid gap-1 ${n.readAt ? "" : "border-l-4 border-l-blue-600"}`}
              data-unread={n.readAt ? undefined : "true"}
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <p className={`min-w-0 break-words ${n.readAt ? "" : "font-semibold"}`}>
                  {href ? (
                    <Link href={href} className="link" onClick={() => opened(n)}>
                      {n.title}
                    </Link>
                  ) : (
                    n.title
                  )}
                  {!n.readAt && <span className="ml-2 text-xs font-medium text-blue-700">New</span>}
                </p>
                {!n.readAt && (
                  <form action={markRead}>
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" disabled={pending} className={buttonClass("ghost", "sm")}>
                      Mark read<span className="sr-only">: {n.title}</span>
                    </button>
                  </form>
                )}
              </div>
              <p className="break-words text-sm text-slate-700">{n.body}</p>
              <p className="text-xs text-slate-600">
                <time dateTime={n.createdAt}>{n.when}</time>
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
