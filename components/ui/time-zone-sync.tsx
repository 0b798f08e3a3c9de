"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const COOKIE = "tz"; // lib/format-request.ts TIME_ZONE_COOKIE (kept apart: that module is server-side)

/** Tells the server the browser's time zone once, so dates render in it from the next paint on. */
export function TimeZoneSync() {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const current = document.cookie.match(/(?:^|; )tz=([^;]*)/)?.[1];
    if (!zone || (current && decodeURIComponent(current) === zone)) return;
    document.cookie = `${COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [router]);
  return null;
}
