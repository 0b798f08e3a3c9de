// On every delivery event: email the partner's contact, email the recipient (when given), notify
// the partner's users in the app. Each step is idempotent by the event id (the outbox row id).
import { NonRetriableError } from "inngest";
import { inngest } from "@/inngest/client";
import { deliveryCreated, deliveryStatusChanged } from "@/inngest/events";
import {
  emailPartnerContact,
  emailRecipient,
  notifyPartnerUsers,
  type DeliveryEvent,
} from "@/lib/notifications/delivery-events";

export const deliveryNotifications = inngest.createFunction(
  { id: "delivery-notifications", triggers: [deliveryCreated, deliveryStatusChanged], retries: 5 },
  async ({ event, step }) => {
    if (!event.id) throw new NonRetriableError("Delivery events carry their outbox id as the event id");
    const e = { id: event.id, name: event.name, data: event.data } as DeliveryEvent;
    const partner = await step.run("email-partner-contact", () => emailPartnerContact(e));
    const recipient = await step.run("email-recipient", () => emailRecipient(e));
    const inApp = await step.run("notify-partner-users", () => notifyPartnerUsers(e));
    return { partner, recipient, inApp };
  },
);
