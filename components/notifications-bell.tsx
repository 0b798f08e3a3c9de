"use client";

// The header's bell with the unread count: read when the page loads, when the live stream
// (components/live/live-events.tsx) announces a new notification or reconnects, when the tab shows
// again, and when the notifications page marks something read. No polling.
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { useApiClient } from "@/components/ui/api-client";
import { NOTIFICATIONS_CHANGED_EVENT } from "@/components/live/live-events";

export function NotificationsBell() {
  const api = useApiClient();
  const [count, setCount] = useState<number | null>(null);

  // A failed read keeps the last count (the next tick tries again). An ended session is not the
  // bell's to handle: the next navigation goes through sign-in, so typing on the page is not lost.
  const refresh = useCallback(async () => {
    if (document.visibilityState !== "visible") return;
    const result = await api.read<{ unreadCount: number }>("/api/v1/notifications/unread-count");
    if (result.ok) setCount(result.data.unreadCount);
  }, [api]);

  useEffect(() => {
    const first = setTimeout(refresh, 0);
    document.addEventListener("visibilitychange", refresh);
    window.addEventListener(NOTIFICATIONS_CHANGED_EVENT, refresh);
    return () => {
      clearTimeout(first);
      document.removeEventListener("visibilitychange", refresh);
      window.removeEventListener(NOTIFICATIONS_CHANGED_EVENT, refresh);
    };
  }, [refresh]);

  const label = count ? `Notifications, ${count} unread` : "Notifications";
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notifications-bell"
      className="inline-flex items-center rounded-md p-1.5 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600"
    >
      {/* An inline icon: emoji fonts are not installed everywhere. */}
      <svg
        aria-hidden="true"
        width="20"
        height="20"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count ? (
        <span
          data-testid="notifications-bell-count"
          aria-hidden="true"
          className="ml-0.5 rounded-full bg-red-700 px-1.5 text-xs font-medium text-white"
        >
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
