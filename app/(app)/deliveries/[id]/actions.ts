"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { actionActor } from "@/lib/auth/page-guard";
import { transitionDeliverySchema } from "@/lib/deliveries/schemas";
import { transitionDelivery } from "@/lib/deliveries/transition-delivery";
import { STATUS_LABELS } from "@/lib/deliveries/status-labels";

export interface TransitionState {
  ok?: string;
  error?: string;
  reasonError?: string;
  /** Someone else moved the delivery first (the message); the page now shows their result. */
  stale?: string;
  at?: number;
}

const versionSchema = z.coerce.number().int().min(1);

export async function transitionAction(_state: TransitionState, form: FormData): Promise<TransitionState> {
  const id = String(form.get("id") ?? "");
  const at = Date.now();
  // The permission table decides here too; hiding buttons is only a courtesy.
  const actor = await actionActor("deliveries.transition");
  if (!actor) return { error: "You may not change this delivery.", at };
  const input = transitionDeliverySchema.safeParse({
    status: form.get("status"),
    reason: form.get("reason") ?? undefined,
  });
  const version = versionSchema.safeParse(form.get("version"));
  if (!input.success || !version.success) return { error: "This request is not valid; reload the page.", at };

  try {
    const delivery = await transitionDelivery({ actor, id, input: input.data, expectedVersion: version.data });
    return { ok: `Delivery ${delivery.trackingCode} is now ${STATUS_LABELS[delivery.status].toLowerCase()}.`, at };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "precondition_failed") {
      const now = STATUS_LABELS[error.details.currentStatus as keyof typeof STATUS_LABELS] ?? "changed";
      return {
        stale: `Someone else changed this delivery while you were looking at it: it is now ${now.toLowerCase()}. The page shows its current state; nothing was changed by you.`,
        at,
      };
    }
    if (error.code === "validation_failed")
      return { reasonError: "A reason is required for this change.", error: error.message, at };
    return { error: error.message, at };
  } finally {
    revalidatePath(`/deliveries/${id}`);
  }
}
