import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/body";
import { withApi } from "@/lib/api/handler";
import { etag, expectedVersion } from "@/lib/api/http";
import { json } from "@/lib/api/responses";
import { assignDelivery } from "@/lib/deliveries/assign-delivery";
import { assignDeliverySchema } from "@/lib/deliveries/schemas";
import { serializeDelivery } from "@/lib/deliveries/serialize";

// PUT /api/v1/deliveries/{id}/assignment – assign, reassign or unassign a courier (dispatch)
export const PUT = withApi<{ id: string }>({ permission: "deliveries.assign" }, async ({ request, actor, params }) => {
  const version = expectedVersion(request);
  const input = await readJson(request, assignDeliverySchema);
  const delivery = await assignDelivery({ actor, id: params.id, input, expectedVersion: version });
  return json(serializeDelivery(delivery), { headers: { etag: etag(delivery.version) } });
});

// Any other method – 405 with Allow
export const { GET, POST, PATCH, DELETE } = otherMethods("PUT");
