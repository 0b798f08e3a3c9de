// Moving a delivery's windows: the partner side while it waits for pickup (CREATED, ASSIGNED),
// dispatch until it is delivered (IN_TRANSIT too). The row is locked as for every change; the
// move is a history entry (who, when, why, old and new windows) and a `delivery/rescheduled`
// event, so the courier, the recipient and the partner's webhooks hear of it.
import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { lockDelivery } from "@/lib/deliveries/lock-delivery";
import type { RescheduleDeliveryInput } from "@/lib/deliveries/schemas";
import { deliverySelect } from "@/lib/deliveries/serialize";
import { dayInZone, windowOf, windowPairIssues, type Window } from "@/lib/deliveries/windows";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { writeOutboxEvent } from "@/lib/outbox/events";
import { kickOutbox } from "@/lib/background/scheduler";

const BEFORE_PICKUP: DeliveryStatus[] = ["CREATED", "ASSIGNED"];

/** The statuses in which `actor` may reschedule (the page offers the control only then). */
export function reschedulableStatuses(actor: Actor): DeliveryStatus[] {
  if (!can(actor, "deliveries.reschedule")) return [];
  return can(actor, "deliveries.rescheduleInTransit") ? [...BEFORE_PICKUP, "IN_TRANSIT"] : BEFORE_PICKUP;
}

/**
 * The window rules as a 400 naming the fields; `now` given: also that none has ended.
 */
export function checkWindows(windows: { pickupWindow: Window | null; dropoffWindow: Window | null }, now?: number) {
  const issues = windowPairIssues(windows, now);
  if (issues.length > 0) {
    throw new AppError("validation_failed", "The request body is not valid.", {
      errors: issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
}

export async function rescheduleDelivery(options: {
  actor: Actor;
  id: string;
  input: RescheduleDeliveryInput;
  expectedVersion?: number;
}) {
  const { actor, id, input, expectedVersion } = options;
  authorize(actor, "deliveries.reschedule");
  const delivery = await db.$transaction(async (tx) => {
    const current = await lockDelivery(tx, actor, id, expectedVersion);
    const allowed = reschedulableStatuses(actor);
    if (!allowed.includes(current.status)) {
      throw new AppError("invalid_transition", `A ${current.status} delivery cannot be rescheduled.`, {
        currentStatus: current.status,
        allowedStatuses: allowed,
      });
    }
    const row = await tx.delivery.findUniqueOrThrow({
      where: { id },
      select: {
        pickupWindowStart: true,
        pickupWindowEnd: true,
        dropoffWindowStart: true,
        dropoffWindowEnd: true,
        partner: { select: { timeZone: true } },
      },
    });
    const previous = {
      pickupWindow: windowOf(row.pickupWindowStart, row.pickupWindowEnd),
      dropoffWindow: windowOf(row.dropoffWindowStart, row.dropoffWindowEnd),
    };
    const next = {
      pickupWindow: input.pickupWindow ?? previous.pickupWindow,
      dropoffWindow: input.dropoffWindow ?? previous.dropoffWindow,
    };
    // Only the windows given are judged against the clock; a kept one may have started already.
    checkWindows({ pickupWindow: input.pickupWindow ?? null, dropoffWindow: input.dropoffWindow ?? null }, Date.now());
    checkWindows(next);
    const version = current.version + 1;
    const updated = await tx.delivery.update({
      where: { id },
      data: {
        version,
        pickupWindowStart: next.pickupWindow ? new Date(next.pickupWindow.from) : null,
        pickupWindowEnd: next.pickupWindow ? new Date(next.pickupWindow.to) : null,
        dropoffWindowStart: next.dropoffWindow ? new Date(next.dropoffWindow.from) : null,
        dropoffWindowEnd: next.dropoffWindow ? new Date(next.dropoffWindow.to) : null,
        // The day follows the drop-off window, as on create.
        ...(input.dropoffWindow && {
          deliveryDate: new Date(`${dayInZone(input.dropoffWindow.from, row.partner.timeZone)}T00:00:00Z`),
        }),
      },
      select: deliverySelect,
    });
    await tx.deliveryStatusEvent.create({
      data: {
        deliveryId: id,
        version,
        kind: "RESCHEDULE",
        fromStatus: current.status,
        toStatus: current.status,
        actorKind: actor.kind,
        actorId: actor.id,
        reason: input.reason,
        assigneeId: current.assigneeId,
        details: { previous, ...next },
      },
    });
    await writeOutboxEvent(tx, {
      name: "delivery/rescheduled",
      data: {
        deliveryId: id,
        partnerId: current.partnerId,
        trackingCode: updated.trackingCode,
        reason: input.reason,
        version,
        occurredAt: updated.updatedAt.toISOString(),
        assigneeId: current.assigneeId,
        previous,
        ...next,
      },
    });
    return updated;
  });
  kickOutbox();
  return delivery;
}
