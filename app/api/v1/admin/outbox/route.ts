import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { getOutboxStats } from "@/lib/outbox/get-outbox-stats";

// GET /api/v1/admin/outbox – pending, failed and oldest-pending age of the outbox
export const GET = withApi({ permission: "jobs.read" }, async ({ actor }) => json(await getOutboxStats({ actor })));

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
