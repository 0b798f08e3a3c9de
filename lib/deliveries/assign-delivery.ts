// Dispatch: give a delivery to a courier, pass it to another, or take it back, on the same locked,
// versioned path as every status change: one history row naming the assignee, one outbox event.
import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { AssignDeliveryInput } from "@/lib/deliveries/schemas";
import { deliverySelect } from "@/lib/deliveries/serialize";
import { assignmentTransition } from "@/lib/deliveries/state-machine";
import { lockDelivery } from "@/lib/deliveries/lock-delivery";
import { applyChange } from "@/lib/deliveries/transition-delivery";
import { kickOutbox } from "@/lib/background/scheduler";

export const notACourier = () =>
  new AppError("validation_failed", "The assignee must be an active courier.", {
    errors: [{ path: "assigneeId", message: "Not an active courier" }],
  });

export async function assignDelivery(options: {
  actor: Actor;
  id: string;
  input: AssignDeliveryInput;
  /** Version the caller last saw (from If-Match); stale → 412. */
  expectedVersion?: number;
}) {
  const { actor, id, input, expectedVersion } = options;
  authorize(actor, "deliveries.assign");
  const assigneeId = input.assigneeId;
  const delivery = await db.$transaction(async (tx) => {
    const current = await lockDelivery(tx, actor, id, expectedVersion);
    const transition = assignmentTransition(current.status, assigneeId !== null);
    if (!transition || !transition.roles.includes(actor.role)) {
      throw new AppError(
        "invalid_transition",
        assigneeId
          ? `A ${current.status} delivery cannot be assigned; only CREATED and ASSIGNED ones can.`
          : `A ${current.status} delivery has no assignment to take back.`,
        { currentStatus: current.status },
      );
    }
    if (assigneeId !== null) {
      // Read in the transaction: a courier deactivated meanwhile is refused, not given deliveries.
      const courier = await tx.user.findFirst({
        where: { id: assigneeId, role: "COURIER", active: true },
        select: { id: true },
      });
      if (!courier) throw notACourier();
      // Already theirs: a retried request changes nothing and writes no history.
      if (current.assigneeId === assigneeId && current.status === "ASSIGNED") {
        return tx.delivery.findUniqueOrThrow({ where: { id }, select: deliverySelect });
      }
    }
    return applyChange(tx, { actor, current, transition, assigneeId: assigneeId ?? undefined });
  });
  kickOutbox();
  return delivery;
}
