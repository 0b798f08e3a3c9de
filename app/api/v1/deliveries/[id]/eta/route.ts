import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/body";
import { withApi } from "@/lib/api/handler";
import { etag, expectedVersion } from "@/lib/api/http";
import { json } from "@/lib/api/responses";
import { setEta } from "@/lib/deliveries/set-eta";
import { setEtaSchema } from "@/lib/deliveries/schemas";
import { serializeDelivery } from "@/lib/deliveries/serialize";

// PUT /api/v1/deliveries/{id}/eta – set or move the courier's estimated arrival
export const PUT = withApi<{ id: string }>({ permission: "deliveries.setEta" }, async ({ request, actor, params }) => {
  const version = expectedVersion(request);
  const input = await readJson(request, setEtaSchema);
  const delivery = await setEta({ actor, id: params.id, input, expectedVersion: version });
  return json(serializeDelivery(delivery), { headers: { etag: etag(delivery.version) } });
});

// Any other method – 405 with Allow
export const { GET, POST, PATCH, DELETE } = otherMethods("PUT");
