// On import/confirmed: create a CSV import's rows through createDelivery, one step per batch of
// 500 (each step's result is remembered; a batch interrupted by a crash runs again and its rows
// replay instead of doubling), then mark it finished and tell the partner's users.
import { inngest } from "@/inngest/client";
import { importConfirmed } from "@/inngest/events";
import { finishImport } from "@/lib/imports/finish-import";
import { getImportSize } from "@/lib/imports/get-import-size";
import { batchCount } from "@/lib/imports/import-summary";
import { runImportBatch } from "@/lib/imports/run-import-batch";

export const deliveryImport = inngest.createFunction(
  // Ahead of the per-row work earlier imports queued (each row's webhook and emails): a partner
  // waiting for their import should not wait for the last one's fan-out.
  { id: "delivery-import", triggers: [importConfirmed], retries: 5, priority: { run: "600" } },
  async ({ event, step }) => {
    const { importId } = event.data;
    const rows = await step.run("count-rows", () => getImportSize(importId));
    for (let batch = 0; batch < batchCount(rows); batch++) {
      await step.run(`batch-${batch}`, () => runImportBatch(importId, batch));
    }
    return step.run("finish", () => finishImport(importId));
  },
);
