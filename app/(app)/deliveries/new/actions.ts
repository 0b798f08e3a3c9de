"use server";

import { runFormAction, type FormState } from "@/lib/api/form-action";
import { createDelivery, type CreateDeliveryResult } from "@/lib/deliveries/create-delivery";
import { newDeliveryFormSchema } from "@/lib/deliveries/schemas";

/**
 * `existingId`: the delivery an earlier submission of this form (with other details) created.
 * `unreachable`: set by the form itself when the submission never reached the server.
 */
export type NewDeliveryState = FormState<CreateDeliveryResult, { existingId: string; unreachable: boolean }>;

export async function createDeliveryAction(_state: NewDeliveryState, form: FormData): Promise<NewDeliveryState> {
  return runFormAction({
    permission: "deliveries.create",
    schema: newDeliveryFormSchema,
    form,
    // Form fields are strings; the API schema expects a number for the weight (blank = not given).
    prepare: (values) => {
      // A decimal comma ("2,5") is how many people write a weight.
      const weight = (values.packageWeightKg ?? "").trim().replace(",", ".");
      return { ...values, packageWeightKg: weight === "" ? undefined : Number(weight) };
    },
    hidden: { fields: ["idempotencyKey"], message: "This form is out of date; reload the page and submit again." },
    // The form's key is explicit, exactly like an API client's Idempotency-Key header: a double
    // click or a resubmission after "back" replays the delivery this form already created.
    run: (actor, { idempotencyKey, partnerId, ...input }) =>
      createDelivery({ actor, input, idempotencyKey: `web-form:${idempotencyKey}`, onBehalfOf: partnerId }),
    redirect: ({ delivery, created }) => `/deliveries/${delivery.id}?notice=${created ? "created" : "duplicate"}`,
    onError: (error, values) =>
      error.code === "idempotency_key_reused"
        ? {
            values,
            error: "This form was already submitted with other details, which made a delivery.",
            existingId: String(error.details.deliveryId ?? ""),
          }
        : undefined,
  });
}
