// Absolute links we hand out (API representations, emails, webhooks), built from APP_URL.
import { env } from "@/lib/env";

export const appUrl = (path: string) => new URL(path, env().APP_URL).toString();
export const deliveryPageUrl = (deliveryId: string) => appUrl(`/deliveries/${deliveryId}`);
export const trackingPageUrl = (trackingCode: string) => appUrl(`/track/${trackingCode}`);
export const webhookSettingsUrl = () => appUrl("/settings/webhook");
