// On every delivery event: an in-app notification for the partner's active users. A function of
// its own, so that no email problem can hold it back.
import { inngest } from "@/inngest/client";
import { deliveryEventTriggers } from "@/inngest/events";
import { deliveryEventOf, IMPORT_ROWS_YIELD } from "@/inngest/functions/support";
import { notifyPartnerUsers } from "@/lib/notifications/delivery-events";

export const deliveryInApp = inngest.createFunction(
  {
    id: "delivery-in-app",
    triggers: deliveryEventTriggers,
    retries: 5,
    priority: IMPORT_ROWS_YIELD,
  },
  async ({ event, step }) => {
    const e = await deliveryEventOf(event);
    return step.run("notify-partner-users", () => notifyPartnerUsers(e));
  },
);
