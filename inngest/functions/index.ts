import { deliveryImport } from "@/inngest/functions/delivery-import";
import { deliveryNotifications } from "@/inngest/functions/delivery-notifications";
import { deliveryWebhooks } from "@/inngest/functions/delivery-webhooks";
import { pruneOldRecordsDaily } from "@/inngest/functions/prune-old-records";
import { stuckDeliveries } from "@/inngest/functions/stuck-deliveries";
import { webhookReplay } from "@/inngest/functions/webhook-replay";
import { webhookResend } from "@/inngest/functions/webhook-resend";

/** Every background function: served to an Inngest server, or run by the embedded executor. */
export const functions = [
  deliveryNotifications,
  deliveryWebhooks,
  webhookReplay,
  webhookResend,
  deliveryImport,
  stuckDeliveries,
  pruneOldRecordsDaily,
];
