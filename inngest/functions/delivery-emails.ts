// On every delivery event: email the partner's contact and the recipient (when given). Each email
// is its own step, keyed by the event id; one that fails for good (a bad address, an unverified
// domain) does not stop the other, and the run then ends failed so admins see it.
import { inngest } from "@/inngest/client";
import { deliveryEventTriggers } from "@/inngest/events";
import { deliveryEventOf, IMPORT_ROWS_YIELD, settleSteps } from "@/inngest/functions/support";
import { emailPartnerContact, emailRecipient } from "@/lib/notifications/delivery-events";

export const deliveryEmails = inngest.createFunction(
  {
    id: "delivery-emails",
    triggers: deliveryEventTriggers,
    retries: 5,
    priority: IMPORT_ROWS_YIELD,
  },
  async ({ event, step }) => {
    const e = await deliveryEventOf(event);
    return settleSteps({
      partnerContact: () => step.run("email-partner-contact", () => emailPartnerContact(e)),
      recipient: () => step.run("email-recipient", () => emailRecipient(e)),
    });
  },
);
