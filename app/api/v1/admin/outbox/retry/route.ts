import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/body";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { retryOutboxSchema } from "@/lib/outbox/schemas";
import { retryOutbox } from "@/lib/outbox/retry-outbox";

// POST /api/v1/admin/outbox/retry – make pending rows due now and start the relay
export const POST = withApi({ permission: "jobs.retry" }, async ({ request, actor }) => {
  const input = await readJson(request, retryOutboxSchema);
  return json({ retried: await retryOutbox({ actor, input }) });
});

// Any other method – 405 with Allow
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
