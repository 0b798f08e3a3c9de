import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/body";
import { parseWith } from "@/lib/core/validation";
import { withApi } from "@/lib/api/handler";
import { etag, headerValue, searchParamsObject } from "@/lib/api/http";
import { json } from "@/lib/api/responses";
import { createDelivery } from "@/lib/deliveries/create-delivery";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { createDeliveryRequestSchema, idempotencyKeySchema, listDeliveriesQuerySchema } from "@/lib/deliveries/schemas";
import { serializeDelivery } from "@/lib/deliveries/serialize";

// POST /api/v1/deliveries – create (idempotent)
export const POST = withApi(
  { permission: "deliveries.create", visibleWith: "deliveries.read" },
  async ({ request, actor }) => {
    const key = headerValue(request, "Idempotency-Key", idempotencyKeySchema);
    const { partnerId, ...input } = await readJson(request, createDeliveryRequestSchema);
    const { delivery, created } = await createDelivery({ actor, input, idempotencyKey: key, onBehalfOf: partnerId });
    const body = serializeDelivery(delivery);
    const headers: Record<string, string> = { etag: etag(body.version), location: `/api/v1/deliveries/${body.id}` };
    if (!created) headers["idempotent-replayed"] = "true";
    return json(body, { status: created ? 201 : 200, headers });
  },
);

// GET /api/v1/deliveries – list, filtered, keyset-paginated
export const GET = withApi({ permission: "deliveries.read" }, async ({ request, actor }) => {
  const query = parseWith(listDeliveriesQuerySchema, searchParamsObject(request.url, ["status"]), "query");
  const page = await listDeliveries({ actor, query });
  return json({ data: page.data.map(serializeDelivery), nextCursor: page.nextCursor });
});

// Any other method – 405 with Allow
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
