// Every 15 minutes: flag deliveries stuck past the thresholds (lib/env.ts) and notify admins once
// per delivery and threshold. The flagged ids are the memoised output of the first step, so a
// retried notification step works on exactly the same set.
import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { flagStuckDeliveries, notifyStuckAlerts } from "@/lib/deliveries/stuck-deliveries";

export const stuckDeliveries = inngest.createFunction(
  { id: "stuck-deliveries", triggers: [cron("*/15 * * * *")], retries: 3, concurrency: { limit: 1 } },
  async ({ step }) => {
    const alertIds = await step.run("flag", () => flagStuckDeliveries());
    return step.run("notify-admins", () => notifyStuckAlerts(alertIds));
  },
);
