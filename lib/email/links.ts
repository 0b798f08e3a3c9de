// Absolute links for messages that leave the app (emails, webhooks), built from APP_URL.
import { env } from "@/lib/env";

export const appUrl = (path: string) => new URL(path, env().APP_URL).toString();
export const deliveryPageUrl = (deliveryId: string) => appUrl(`/deliveries/${deliveryId}`);
export const trackingPageUrl = (trackingCode: string) => appUrl(`/track/${trackingCode}`);
export const webhookSettingsUrl = () => appUrl("/settings/webhook");

/** Words for statuses, shared by emails and in-app notifications. */
export const STATUS_LABEL = {
  CREATED: "created",
  IN_TRANSIT: "in transit",
  COMPLETED: "delivered",
  FAILED: "failed",
  CANCELLED: "cancelled",
} as const;
export type StatusName = keyof typeof STATUS_LABEL;
