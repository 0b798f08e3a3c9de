"use client";
// The bell with the unread count, for the layout header. It polls the count rather than holding a
// server-sent-events stream: the count is one indexed query, instances are stateless behind a load
// balancer (SSE would need a cross-instance fan-out such as LISTEN/NOTIFY and a long-lived
// connection per tab), and a delay of a few seconds is fine for a badge. It also refreshes when the
// tab becomes visible and when the notifications page marks something read.
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";

export function NotificationsBell({ intervalMs = 15_000 }: { intervalMs?: number }) {
  const [count, setCount] = useState<number | null>(null);

  const refresh = useCallback(async () => {
    if (document.visibilityState !== "visible") return;
    try {
      const res = await fetch("/api/v1/notifications/unread-count", { cache: "no-store" });
      if (res.ok) setCount(((await res.json()) as { unreadCount: number }).unreadCount);
    } catch {
      // offline for a moment; the next tick tries again
    }
  }, []);

  useEffect(() => {
    const first = setTimeout(refresh, 0);
    const timer = setInterval(refresh, intervalMs);
    document.addEventListener("visibilitychange", refresh);
    window.addEventListener("notifications:changed", refresh);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
      window.removeEventListener("notifications:changed", refresh);
    };
  }, [refresh, intervalMs]);

  const label = count ? `Notifications, ${count} unread` : "Notifications";
  return (
    <Link href="/notifications" aria-label={label} title={label} data-testid="notifications-bell" style={{ position: "relative", textDecoration: "none" }}>
      <span aria-hidden="true">🔔</span>
      {count ? (
        <span data-testid="notifications-bell-count" aria-hidden="true" style={{ marginLeft: ".2rem", padding: "0 .4rem", borderRadius: "1rem", background: "var(--danger)", color: "#fff", fontSize: ".75rem" }}>
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
