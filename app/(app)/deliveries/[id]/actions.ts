"use server";

import { runFormAction, type FormState } from "@/lib/api/form-action";
import { assignDelivery } from "@/lib/deliveries/assign-delivery";
import { assignFormSchema, transitionFormSchema } from "@/lib/deliveries/schemas";
import { DELIVERY_STATUSES } from "@/lib/deliveries/state-machine";
import { REASON_REQUIRED_MESSAGE, statusWord } from "@/lib/deliveries/status-labels";
import { transitionDelivery } from "@/lib/deliveries/transition-delivery";
import type { AppError } from "@/lib/core/errors";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

/** `stale`: someone else moved the delivery first (the message); the page now shows their result. */
export type TransitionState = FormState<unknown, { stale: string }>;

/** The delivery's status named in a refusal, in the UI's words ("changed" if the error names none). */
function currentWord(error: AppError): string {
  const status = error.details.currentStatus as DeliveryStatus;
  return DELIVERY_STATUSES.includes(status) ? statusWord(status) : "changed";
}

export async function transitionAction(_state: TransitionState, form: FormData): Promise<TransitionState> {
  return runFormAction({
    permission: "deliveries.transition",
    schema: transitionFormSchema,
    form,
    hidden: { fields: ["id", "version", "status"], message: "This request is not valid; reload the page." },
    // Also after a refusal: a stale form then shows the delivery as it is now.
    revalidate: ({ id }) => `/deliveries/${id}`,
    run: (actor, { id, version, ...input }) => transitionDelivery({ actor, id, input, expectedVersion: version }),
    ok: (delivery) => `Delivery ${delivery.trackingCode} is now ${statusWord(delivery.status)}.`,
    onError: (error) => {
      if (error.code === "precondition_failed") {
        return {
          stale: `Someone else changed this delivery while you were looking at it: it is now ${currentWord(error)}. The page shows its current state; nothing was changed by you.`,
        };
      }
      if (error.code === "validation_failed") return { errors: { reason: REASON_REQUIRED_MESSAGE } };
      // The domain's messages name statuses as the API does; the page uses the UI's words.
      if (error.code === "invalid_transition" || error.code === "forbidden")
        return {
          error: `This change is not possible now: the delivery is ${currentWord(error)}. Reload the page to see its current state.`,
        };
      return undefined;
    },
  });
}

/** Dispatch's assign control: a courier for a CREATED or ASSIGNED delivery (the API's assignment). */
export async function assignAction(_state: TransitionState, form: FormData): Promise<TransitionState> {
  return runFormAction({
    permission: "deliveries.assign",
    schema: assignFormSchema,
    form,
    hidden: { fields: ["id", "version"], message: "This request is not valid; reload the page." },
    revalidate: ({ id }) => `/deliveries/${id}`,
    run: (actor, { id, version, assigneeId }) =>
      assignDelivery({ actor, id, input: { assigneeId }, expectedVersion: version }),
    ok: (d) =>
      d.assignee
        ? `${d.trackingCode} is assigned to ${d.assignee.name ?? "the courier"}.`
        : `${d.trackingCode} is unassigned.`,
    onError: (error) =>
      error.code === "precondition_failed"
        ? {
            stale:
              "Someone else changed this delivery meanwhile. The page shows its current state; nothing was changed by you.",
          }
        : undefined,
  });
}
