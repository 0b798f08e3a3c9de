import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/body";
import { withApi } from "@/lib/api/handler";
import { etag, expectedVersion } from "@/lib/api/http";
import { json } from "@/lib/api/responses";
import { transitionDeliverySchema } from "@/lib/deliveries/schemas";
import { serializeDelivery } from "@/lib/deliveries/serialize";
import { transitionDelivery } from "@/lib/deliveries/transition-delivery";

// POST /api/v1/deliveries/{id}/status – move through the lifecycle
export const POST = withApi<{ id: string }>(
  { permission: "deliveries.transition" },
  async ({ request, actor, params }) => {
    const version = expectedVersion(request);
    const input = await readJson(request, transitionDeliverySchema);
    const delivery = await transitionDelivery({ actor, id: params.id, input, expectedVersion: version });
    return json(serializeDelivery(delivery), { headers: { etag: etag(delivery.version) } });
  },
);

// Any other method – 405 with Allow
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
