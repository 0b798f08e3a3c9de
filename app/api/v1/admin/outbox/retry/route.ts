import { readJson } from "@/lib/api/body";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { retryOutboxSchema } from "@/lib/outbox/schemas";
import { kickOutbox } from "@/lib/outbox/scheduler";
import { retryOutbox } from "@/lib/outbox/stats";

// POST /api/v1/admin/outbox/retry – make pending rows due now and start the relay
export const POST = withApi({ permission: "jobs.retry" }, async ({ request }) => {
  const input = await readJson(request, retryOutboxSchema);
  const retried = await retryOutbox(input);
  kickOutbox();
  return json({ retried });
});
