"use client";

// One event stream per tab (GET /api/v1/live), opened by the signed-in layout: what it hears is
// re-announced as window events, which the screens (LiveRefresh) and the bell listen to. The
// browser's EventSource reconnects by itself and sends Last-Event-ID, so the server replays what
// the tab missed (or says "reset": then every screen refreshes).
import { useEffect } from "react";

/** A delivery change as the stream tells it. */
export interface LiveDeliveryChange {
  name: string;
  deliveryId: string;
  trackingCode: string;
  status: string | null;
}

export const LIVE_DELIVERY_EVENT = "live:delivery";
export const LIVE_RESET_EVENT = "live:reset";
/** The bell's own event (also sent when the notifications page marks something read). */
export const NOTIFICATIONS_CHANGED_EVENT = "notifications:changed";

export function LiveEvents({ src = "/api/v1/live" }: { src?: string }) {
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(src);
    const onDelivery = (e: MessageEvent<string>) => {
      try {
        const change = JSON.parse(e.data) as LiveDeliveryChange;
        window.dispatchEvent(new CustomEvent(LIVE_DELIVERY_EVENT, { detail: change }));
      } catch {
        // not ours
      }
    };
    const onReset = () => window.dispatchEvent(new Event(LIVE_RESET_EVENT));
    const onNotification = () => window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED_EVENT));
    // Each (re)connection ends with "ready", after which nothing is missed; what came before it
    // (while the page loaded, or while the connection was down) is read again once.
    const onReady = () => onNotification();
    source.addEventListener("delivery", onDelivery as EventListener);
    source.addEventListener("reset", onReset);
    source.addEventListener("notification", onNotification);
    source.addEventListener("ready", onReady);
    return () => source.close();
  }, [src]);
  return null;
}
