import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/body";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { bulkCancelDeliveries } from "@/lib/deliveries/bulk-cancel-deliveries";
import { bulkCancelSchema } from "@/lib/deliveries/bulk-schemas";

// POST /api/v1/deliveries/bulk-cancellations – cancel many deliveries with one reason
export const POST = withApi({ permission: "deliveries.bulkDispatch" }, async ({ request, actor }) => {
  const input = await readJson(request, bulkCancelSchema);
  return json(await bulkCancelDeliveries({ actor, input }));
});

// Any other method – 405 with Allow
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
