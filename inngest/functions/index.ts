import { deliveryNotifications } from "@/inngest/functions/delivery-notifications";
import { deliveryWebhook } from "@/inngest/functions/delivery-webhook";
import { stuckDeliveries } from "@/inngest/functions/stuck-deliveries";

export const functions = [deliveryNotifications, deliveryWebhook, stuckDeliveries];
