import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { listStatusEvents } from "@/lib/deliveries/get-delivery";

// GET /api/v1/deliveries/{id}/events – status history, oldest first
export const GET = withApi<{ id: string }>({ permission: "deliveries.read" }, async ({ actor, params }) => {
  return json({ data: await listStatusEvents({ actor, id: params.id }) });
});

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
