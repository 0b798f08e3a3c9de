import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { etag } from "@/lib/api/http";
import { json } from "@/lib/api/responses";
import { getDeliveryOrThrow } from "@/lib/deliveries/get-delivery";
import { serializeDelivery } from "@/lib/deliveries/serialize";

// GET /api/v1/deliveries/{id} – one delivery, with its version as ETag
export const GET = withApi<{ id: string }>({ permission: "deliveries.read" }, async ({ actor, params }) => {
  const delivery = await getDeliveryOrThrow({ actor, id: params.id });
  return json(serializeDelivery(delivery), { headers: { etag: etag(delivery.version) } });
});

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
