"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";

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
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);

  const post = (path: string) =>
    startTransition(async () => {
      await fetch(path, { method: "POST" });
      router.refresh();
      window.dispatchEvent(new Event("notifications:changed")); // the bell updates at once
    });

  if (notifications.length === 0) return <p className="muted">No notifications yet.</p>;
  return (
    <>
      <p aria-live="polite">
        <span data-testid="unread-count">{unreadCount}</span> unread{" "}
        {unreadCount > 0 && (
          <button type="button" disabled={pending} onClick={() => post("/api/v1/notifications/read-all")}>
            Mark all read
          </button>
        )}
      </p>
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
              <button
                type="button"
                disabled={pending}
                onClick={() => post(`/api/v1/notifications/${n.id}/read`)}
                aria-label={`Mark “${n.title}” read`}
              >
                Mark read
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
