"use server";

import { runFormAction, type FormState } from "@/lib/api/form-action";
import { searchParamsObject } from "@/lib/api/http";
import { bulkSelectDeliveries } from "@/lib/deliveries/bulk-select-deliveries";
import { deliveryViewQuerySchema } from "@/lib/deliveries/list-deliveries";

export type SelectMatchingState = FormState<Awaited<ReturnType<typeof bulkSelectDeliveries>>>;

/** "Select all matching": the rows of the view in the form's `view` field (the page's query string). */
export async function selectMatchingAction(_state: SelectMatchingState, form: FormData): Promise<SelectMatchingState> {
  return runFormAction({
    permission: "deliveries.bulkDispatch",
    schema: deliveryViewQuerySchema,
    form,
    prepare: (values) => searchParamsObject(new URLSearchParams(values.view ?? ""), ["status"]),
    hidden: { fields: Object.keys(deliveryViewQuerySchema.shape), message: "This view is not valid; reload the page." },
    run: (actor, query) => bulkSelectDeliveries({ actor, query }),
  });
}
