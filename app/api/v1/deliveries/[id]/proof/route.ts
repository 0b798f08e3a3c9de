import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { listProofs } from "@/lib/deliveries/proof/manage-proof";

// GET /api/v1/deliveries/{id}/proof – the proof of delivery on file (kinds, sizes, authorised URLs)
export const GET = withApi<{ id: string }>({ permission: "deliveries.read" }, async ({ actor, params }) => {
  return json({ data: await listProofs({ actor, id: params.id }) });
});

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
