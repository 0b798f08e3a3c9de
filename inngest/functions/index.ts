import { deliveryEmails } from "@/inngest/functions/delivery-emails";
import { deliveryImport } from "@/inngest/functions/delivery-import";
import { deliveryInApp } from "@/inngest/functions/delivery-in-app";
import { deliveryWebhook } from "@/inngest/functions/delivery-webhook";
import { pruneOldRecordsDaily } from "@/inngest/functions/prune-old-records";
import { stuckDeliveries } from "@/inngest/functions/stuck-deliveries";
import { webhookReplay } from "@/inngest/functions/webhook-replay";
import { webhookResend } from "@/inngest/functions/webhook-resend";

/** Every background function: served to an Inngest server, or run by the embedded executor. */
export const functions = [
  deliveryEmails,
  deliveryInApp,
  deliveryWebhook,
  webhookReplay,
  webhookResend,
  deliveryImport,
  stuckDeliveries,
  pruneOldRecordsDaily,
];
