// Status and assignee changes (DESIGN §4). The row is locked first, so concurrent changes
// of one delivery serialize and each is judged against the state its predecessor left. Every change
// writes one history row (with the assignee after it) and one outbox event, in its transaction.
import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db, type Tx } from "@/lib/db";
import { lockDelivery, type LockedDelivery } from "@/lib/deliveries/lock-delivery";
import { checkProof, issueDeliveryCode, type ProofRefusal } from "@/lib/deliveries/proof/check-proof";
import type { TransitionDeliveryInput } from "@/lib/deliveries/schemas";
import { deliverySelect } from "@/lib/deliveries/serialize";
import { checkTransition, type Transition } from "@/lib/deliveries/state-machine";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeOutboxEvent } from "@/lib/outbox/events";
import { kickOutbox } from "@/lib/background/scheduler";

/** Applies a judged move to a locked delivery: the row, its history row and its outbox event. */
export async function applyChange(
  tx: Tx,
  options: {
    actor: Actor;
    current: LockedDelivery;
    transition: Transition;
    reason?: string;
    assigneeId?: string;
    /** Columns that change with the move (a re-attempt's new window and number). */
    changes?: Prisma.DeliveryUncheckedUpdateInput;
    /** What the history entry records besides a status move. */
    history?: { kind: string; details: Prisma.InputJsonValue };
  },
) {
  const { actor, current, transition, reason } = options;
  const assigneeId =
    transition.assignee === "set" ? options.assigneeId! : transition.assignee === "clear" ? null : current.assigneeId;
  const version = current.version + 1;
  const delivery = await tx.delivery.update({
    where: { id: current.id },
    data: {
      ...options.changes,
      status: transition.to,
      version,
      assigneeId,
      // The on-time rate compares this with the drop-off window.
      ...(transition.to === "COMPLETED" && { completedAt: new Date() }),
    },
    select: deliverySelect,
  });
  await tx.deliveryStatusEvent.create({
    data: {
      deliveryId: current.id,
      version,
      fromStatus: current.status,
      toStatus: transition.to,
      actorKind: actor.kind,
      actorId: actor.id,
      reason: reason ?? null,
      assigneeId,
      ...options.history,
    },
  });
  const data = {
    deliveryId: current.id,
    partnerId: current.partnerId,
    trackingCode: delivery.trackingCode,
    from: current.status,
    to: transition.to,
    reason: reason ?? null,
    version,
    occurredAt: delivery.updatedAt.toISOString(),
    assigneeId,
  };
  await writeOutboxEvent(
    tx,
    assigneeId && transition.assignee === "set"
      ? { name: "delivery/assigned", data: { ...data, assigneeId, previousAssigneeId: current.assigneeId } }
      : { name: "delivery/status.changed", data },
  );
  return delivery;
}

function refusal(check: Exclude<ReturnType<typeof checkTransition>, { ok: true }>, from: DeliveryStatus, to: string) {
  const details = { currentStatus: from, allowedTransitions: check.allowed };
  switch (check.reason) {
    case "invalid":
      return new AppError("invalid_transition", `A ${from} delivery cannot move to ${to}.`, details);
    case "forbidden":
      return new AppError("forbidden", `You may not move a ${from} delivery to ${to}.`, details);
    case "assignment_only":
      return new AppError(
        "invalid_transition",
        "Assign a courier through PUT /api/v1/deliveries/{id}/assignment.",
        details,
      );
    case "reason_required":
      return new AppError("validation_failed", `A reason is required to move a delivery to ${to}.`, {
        errors: [{ path: "reason", message: "Required" }],
      });
  }
}

export async function transitionDelivery(options: {
  actor: Actor;
  id: string;
  input: TransitionDeliveryInput;
  /** Version the caller last saw (from If-Match); stale → 412. */
  expectedVersion?: number;
}) {
  const { actor, id, input, expectedVersion } = options;
  authorize(actor, "deliveries.transition");
  // A wrong delivery code must count even though the move is refused: the attempt is committed,
  // and the refusal thrown after the transaction.
  const outcome = await db.$transaction(
    async (tx): Promise<{ delivery: Awaited<ReturnType<typeof applyChange>> } | { refused: ProofRefusal }> => {
      const current = await lockDelivery(tx, actor, id, expectedVersion);
      const check = checkTransition(current.status, input.status, actor.role, input.reason);
      if (!check.ok) throw refusal(check, current.status, input.status);
      if (check.transition.to === "COMPLETED") {
        const proof = await checkProof(tx, { actor, delivery: current, code: input.code });
        if (!proof.ok) return { refused: proof };
      }
      if (check.transition.to === "IN_TRANSIT") await issueDeliveryCode(tx, current);
      return {
        delivery: await applyChange(tx, { actor, current, transition: check.transition, reason: input.reason }),
      };
    },
  );
  if ("refused" in outcome) throw outcome.refused.error;
  kickOutbox(); // committed: hand the outbox row on without waiting for it
  return outcome.delivery;
}
