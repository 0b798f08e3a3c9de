"use client";

// Refreshes the server-rendered page when the live stream (LiveEvents, or the tracking page's own
// `src`) announces a change it shows: any delivery change, or only one delivery's. Bursts are
// folded into one refresh; a hidden tab refreshes when it is shown again. No polling.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { LIVE_DELIVERY_EVENT, LIVE_RESET_EVENT, type LiveDeliveryChange } from "@/components/live/live-events";

/** Changes closer together than this make one refresh. */
const SETTLE_MS = 400;

export function LiveRefresh({ deliveryId, src }: { deliveryId?: string; src?: string }) {
  const router = useRouter();
  const pending = useRef(false);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refreshSoon = () => {
      if (document.visibilityState !== "visible") {
        pending.current = true;
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), SETTLE_MS);
    };
    const onDelivery = (e: Event) => {
      const change = (e as CustomEvent<LiveDeliveryChange>).detail;
      if (!deliveryId || change?.deliveryId === deliveryId) refreshSoon();
    };
    const onVisible = () => {
      if (document.visibilityState === "visible" && pending.current) {
        pending.current = false;
        refreshSoon();
      }
    };
    window.addEventListener(LIVE_DELIVERY_EVENT, onDelivery);
    window.addEventListener(LIVE_RESET_EVENT, refreshSoon);
    document.addEventListener("visibilitychange", onVisible);
    // A page outside the signed-in layout (the public tracking page) opens its own stream.
    const source = src && typeof EventSource !== "undefined" ? new EventSource(src) : null;
    source?.addEventListener("delivery", refreshSoon);
    source?.addEventListener("reset", refreshSoon);
    return () => {
      clearTimeout(timer);
      window.removeEventListener(LIVE_DELIVERY_EVENT, onDelivery);
      window.removeEventListener(LIVE_RESET_EVENT, refreshSoon);
      document.removeEventListener("visibilitychange", onVisible);
      source?.close();
    };
  }, [router, deliveryId, src]);
  return null;
}
