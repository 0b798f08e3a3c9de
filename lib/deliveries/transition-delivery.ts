// Status changes (DESIGN §4). The row is locked first, so concurrent transitions of one delivery
// serialize and each is judged against the state its predecessor left.
import { AppError } from "@/lib/api/errors";
import { partnerScope, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { deliveryNotFound } from "@/lib/deliveries/get-delivery";
import type { TransitionDeliveryInput } from "@/lib/deliveries/schemas";
import { deliverySelect } from "@/lib/deliveries/serialize";
import { checkTransition } from "@/lib/deliveries/state-machine";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { writeOutboxEvent } from "@/lib/outbox/events";
import { kickOutbox } from "@/lib/outbox/scheduler";
import { z } from "zod";

export async function transitionDelivery(options: {
  actor: Actor;
  id: string;
  input: TransitionDeliveryInput;
  /** Version the caller last saw (from If-Match); stale → 412. */
  expectedVersion?: number;
}) {
  const { actor, id, input, expectedVersion } = options;
  authorize(actor, "deliveries.transition");
  if (!z.uuid().safeParse(id).success) throw deliveryNotFound();
  const scope = partnerScope(actor);

  const delivery = await db.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ status: DeliveryStatus; version: number; partnerId: string }[]>`
      SELECT "status"::text AS "status", "version", "partnerId" FROM "Delivery"
      WHERE "id" = ${id}::uuid AND (${scope}::uuid IS NULL OR "partnerId" = ${scope}::uuid)
      FOR UPDATE`;
    if (!current) throw deliveryNotFound();
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new AppError("precondition_failed", `The delivery changed: its version is ${current.version}.`, {
        currentVersion: current.version,
        currentStatus: current.status,
      });
    }

    const check = checkTransition(current.status, input.status, actor.role, input.reason);
    if (!check.ok) {
      const details = { currentStatus: current.status, allowedTransitions: check.allowed };
      if (check.reason === "invalid") {
        throw new AppError(
          "invalid_transition",
          `A ${current.status} delivery cannot move to ${input.status}.`,
          details,
        );
      }
      if (check.reason === "forbidden") {
        throw new AppError("forbidden", `You may not move a ${current.status} delivery to ${input.status}.`, details);
      }
      throw new AppError("validation_failed", `A reason is required to move a delivery to ${input.status}.`, {
        errors: [{ path: "reason", message: "Required" }],
      });
    }

    const version = current.version + 1;
    const delivery = await tx.delivery.update({
      where: { id },
      data: { status: input.status, version },
      select: deliverySelect,
    });
    await tx.deliveryStatusEvent.create({
      data: {
        deliveryId: id,
        version,
        fromStatus: current.status,
        toStatus: input.status,
        actorKind: actor.kind,
        actorId: actor.id,
        reason: input.reason ?? null,
      },
    });
    await writeOutboxEvent(tx, {
      name: "delivery/status.changed",
      data: {
        deliveryId: id,
        partnerId: current.partnerId,
        trackingCode: delivery.trackingCode,
        from: current.status,
        to: input.status,
        reason: input.reason ?? null,
        version,
        occurredAt: delivery.updatedAt.toISOString(),
      },
    });
    return delivery;
  });
  kickOutbox(); // committed: hand the outbox row on without waiting for it
  return delivery;
}
