import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { listCouriers } from "@/lib/users/list-couriers";

// GET /api/v1/couriers – couriers and their load today (dispatch)
export const GET = withApi({ permission: "deliveries.assign" }, async ({ actor }) => {
  const couriers = await listCouriers({ actor });
  return json({ data: couriers.map(({ email: _email, ...c }) => c) });
});

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
