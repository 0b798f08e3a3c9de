// Every 15 minutes (STUCK_CHECK_CRON): flag deliveries stuck past the thresholds, notify admins once per delivery and
// threshold, then email each a digest. The flagged ids are the first step's memoised output, so
// retries work on the same set; each email is its own step, so one bad address blocks nothing.
import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { settleSteps } from "@/inngest/functions/support";
import { flagStuckDeliveries } from "@/lib/deliveries/stuck-deliveries";
import { stuckCheckCron } from "@/lib/env";
import { emailStuckDigest, notifyStuckInApp } from "@/lib/notifications/stuck-alerts";

export const stuckDeliveries = inngest.createFunction(
  { id: "stuck-deliveries", triggers: [cron(stuckCheckCron())], retries: 3, concurrency: { limit: 1 } },
  async ({ step }) => {
    const alertIds = await step.run("flag", () => flagStuckDeliveries());
    if (alertIds.length === 0) return { alerts: 0, emails: 0 };
    const { operatorIds, alerts } = await step.run("notify-in-app", () => notifyStuckInApp(alertIds));
    const emails = await settleSteps(
      Object.fromEntries(
        operatorIds.map((id) => [id, () => step.run(`email-digest-${id}`, () => emailStuckDigest(alertIds, id))]),
      ),
    );
    return { alerts, emails: Object.keys(emails).length };
  },
);
