"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { ActionToast } from "@/components/action-toast";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./actions";

interface Item {
  id: string;
  title: string;
  body: string;
  deliveryId: string | null;
  readAt: string | null;
  createdAt: string;
}

/** Re-renders the server page every 20 s so new notifications appear without a reload. */
const REFRESH_MS = 20_000;

export function NotificationList({ notifications, unreadCount }: { notifications: Item[]; unreadCount: number }) {
  const router = useRouter();
  const [readOne, markRead, pendingOne] = useActionState(markNotificationReadAction, {});
  const [readAll, markAllRead, pendingAll] = useActionState(markAllNotificationsReadAction, {});
  const pending = pendingOne || pendingAll;
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);

  // The action revalidated this page; the bell in the header updates at once too.
  useEffect(() => {
    if (readOne.at || readAll.at) window.dispatchEvent(new Event("notifications:changed"));
  }, [readOne, readAll]);

  if (notifications.length === 0) return <p className="muted">No notifications yet.</p>;
  return (
    <>
      <ActionToast state={readOne} />
      <ActionToast state={readAll} />
      <form action={markAllRead} aria-live="polite">
        <span data-testid="unread-count">{unreadCount}</span> unread{" "}
        {unreadCount > 0 && (
          <button type="submit" disabled={pending}>
            Mark all read
          </button>
        )}
      </form>
      <ul style={{ listStyle: "none", padding: 0 }} data-testid="notifications">
        {notifications.map((n) => (
          <li
            key={n.id}
            style={{ padding: ".5rem 0", borderBottom: "1px solid #8883", fontWeight: n.readAt ? 400 : 600 }}
          >
            <div>
              {n.deliveryId ? <Link href={`/deliveries/${n.deliveryId}`}>{n.title}</Link> : n.title}
              {!n.readAt && <span className="muted"> · new</span>}
            </div>
            <div className="muted">{n.body}</div>
            <small className="muted">
              <time dateTime={n.createdAt}>{n.createdAt.replace("T", " ").slice(0, 16)}</time>
            </small>{" "}
            {!n.readAt && (
              <form action={markRead} style={{ display: "inline" }}>
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" disabled={pending} aria-label={`Mark “${n.title}” read`}>
                  Mark read
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
