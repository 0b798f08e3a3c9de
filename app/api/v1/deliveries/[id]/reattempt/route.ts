import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/body";
import { withApi } from "@/lib/api/handler";
import { etag, expectedVersion } from "@/lib/api/http";
import { json } from "@/lib/api/responses";
import { reattemptDelivery } from "@/lib/deliveries/reattempt-delivery";
import { reattemptDeliverySchema } from "@/lib/deliveries/schemas";
import { serializeDelivery } from "@/lib/deliveries/serialize";

// POST /api/v1/deliveries/{id}/reattempt – try a FAILED delivery again
export const POST = withApi<{ id: string }>(
  { permission: "deliveries.reattempt" },
  async ({ request, actor, params }) => {
    const version = expectedVersion(request);
    const input = await readJson(request, reattemptDeliverySchema);
    const delivery = await reattemptDelivery({ actor, id: params.id, input, expectedVersion: version });
    return json(serializeDelivery(delivery), { headers: { etag: etag(delivery.version) } });
  },
);

// Any other method – 405 with Allow
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
