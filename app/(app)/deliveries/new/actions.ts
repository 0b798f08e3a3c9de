"use server";

import { redirect } from "next/navigation";
import { AppError } from "@/lib/api/errors";
import { fieldErrors } from "@/lib/api/field-errors";
import { actionActor } from "@/lib/auth/page-guard";
import { createDelivery } from "@/lib/deliveries/create-delivery";
import { createDeliverySchema, idempotencyKeySchema } from "@/lib/deliveries/schemas";

const FIELDS = Object.keys(createDeliverySchema.shape) as (keyof typeof createDeliverySchema.shape)[];

export interface NewDeliveryState {
  values?: Record<string, string>;
  errors?: Record<string, string>;
  error?: string;
  existingId?: string;
}

export async function createDeliveryAction(_state: NewDeliveryState, form: FormData): Promise<NewDeliveryState> {
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")]));
  const actor = await actionActor("deliveries.create");
  if (!actor) return { values, error: "Only a partner account can submit deliveries." };
  const key = idempotencyKeySchema.safeParse(form.get("idempotencyKey"));
  if (!key.success) return { values, error: "This form is out of date; reload the page and submit again." };

  // Form fields are strings; the API schema expects a number for the weight (blank = not given).
  const weight = values.packageWeightKg.trim();
  const parsed = createDeliverySchema.safeParse({
    ...values,
    packageWeightKg: weight === "" ? undefined : Number(weight),
  });
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };

  let result;
  try {
    // The form's key is explicit, exactly like an API client's Idempotency-Key header: a double
    // click or a resubmission after "back" replays the delivery this form already created.
    result = await createDelivery({ actor, input: parsed.data, idempotencyKey: `web-form:${key.data}` });
  } catch (error) {
    // The date rule is judged by createDelivery, after it has ruled out a replay.
    if (error instanceof AppError && error.code === "validation_failed") {
      return { values, errors: Object.fromEntries((error.details.errors ?? []).map((e) => [e.path, e.message])) };
    }
    if (error instanceof AppError && error.code === "idempotency_key_reused") {
      return {
        values,
        error: "This form was already submitted with different details. Start a new form to create another delivery.",
        existingId: String(error.details.deliveryId ?? ""),
      };
    }
    throw error;
  }
  redirect(`/deliveries/${result.delivery.id}?notice=${result.created ? "created" : "duplicate"}`);
}
