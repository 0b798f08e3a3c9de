"use server";

import { runFormAction, type FormState } from "@/lib/api/form-action";
import { currentActor } from "@/lib/auth/page-guard";
import { partnerScope } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/core/errors";
import { createDelivery, type CreateDeliveryResult } from "@/lib/deliveries/create-delivery";
import { newDeliveryFormSchema } from "@/lib/deliveries/schemas";
import { getPartner } from "@/lib/partners/get-partner";
import { formFieldOf, windowFromForm } from "@/lib/deliveries/window-form";

/**
 * The zone the form's times are in: the caller's partner's, or for staff the partner they picked.
 * Without one (signed out, no partner picked yet) UTC; the schema then refuses the form anyway.
 */
async function formTimeZone(form: FormData): Promise<string> {
  const actor = await currentActor();
  if (!actor || !can(actor, "deliveries.create")) return "UTC";
  const picked = form.get("partnerId");
  const id = can(actor, "deliveries.createOnBehalf") ? (typeof picked === "string" ? picked : "") : actor.partnerId;
  if (!id || (partnerScope(actor) !== null && partnerScope(actor) !== id)) return "UTC";
  try {
    return (await getPartner({ actor, id })).timeZone;
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return "UTC";
    throw error;
  }
}

/** `existingId`: the delivery an earlier submission of this form (with other details) created. */
export type NewDeliveryState = FormState<CreateDeliveryResult, { existingId: string }>;

export async function createDeliveryAction(_state: NewDeliveryState, form: FormData): Promise<NewDeliveryState> {
  const timeZone = await formTimeZone(form);
  return runFormAction({
    permission: "deliveries.create",
    schema: newDeliveryFormSchema,
    form,
    // Form fields are strings; the API schema expects a number for the weight (blank = not given),
    // and windows as instants: the form's are wall-clock times in the partner's zone.
    prepare: ({ pickupWindowFrom, pickupWindowTo, dropoffWindowFrom, dropoffWindowTo, ...values }) => {
      const local = { pickupWindowFrom, pickupWindowTo, dropoffWindowFrom, dropoffWindowTo };
      // A decimal comma ("2,5") is how many people write a weight.
      const weight = (values.packageWeightKg ?? "").trim().replace(",", ".");
      return {
        ...values,
        packageWeightKg: weight === "" ? undefined : Number(weight),
        // Optional once a drop-off window gives the day.
        deliveryDate: (values.deliveryDate ?? "").trim() === "" ? undefined : values.deliveryDate,
        pickupWindow: windowFromForm(local, "pickupWindow", timeZone),
        dropoffWindow: windowFromForm(local, "dropoffWindow", timeZone),
      };
    },
    fieldOf: formFieldOf,
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
