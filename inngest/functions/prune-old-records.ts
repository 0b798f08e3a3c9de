// Daily at 03:00 UTC: delete what was sent, read or finished past the retention ages.
import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { pruneOldRecords } from "@/lib/retention/prune-old-records";

export const pruneOldRecordsDaily = inngest.createFunction(
  { id: "prune-old-records", triggers: [cron("0 3 * * *")], retries: 3, concurrency: { limit: 1 } },
  async ({ step }) => step.run("prune", () => pruneOldRecords()),
);
