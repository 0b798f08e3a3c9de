import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/body";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { bulkAssignDeliveries } from "@/lib/deliveries/bulk-assign-deliveries";
import { bulkAssignSchema } from "@/lib/deliveries/bulk-schemas";

// POST /api/v1/deliveries/bulk-assignments – one courier for many deliveries, or unassign them
export const POST = withApi({ permission: "deliveries.bulkDispatch" }, async ({ request, actor }) => {
  const input = await readJson(request, bulkAssignSchema);
  return json(await bulkAssignDeliveries({ actor, input }));
});

// Any other method – 405 with Allow
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
