// A FAILED delivery tried again instead of a dead end: back to CREATED (or ASSIGNED to the same
// courier) as its next attempt, with a new drop-off window, under the same tracking code and with
// one history. Judged by the state machine's re-attempt moves; locked and versioned as every change.
import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { lockDelivery } from "@/lib/deliveries/lock-delivery";
import { checkWindows } from "@/lib/deliveries/reschedule-delivery";
import type { ReattemptDeliveryInput } from "@/lib/deliveries/schemas";
import { checkReattempt, maxAttempts } from "@/lib/deliveries/state-machine";
import { applyChange } from "@/lib/deliveries/transition-delivery";
import { dayInZone } from "@/lib/deliveries/windows";
import { kickOutbox } from "@/lib/background/scheduler";

export async function reattemptDelivery(options: {
  actor: Actor;
  id: string;
  input: ReattemptDeliveryInput;
  expectedVersion?: number;
}) {
  const { actor, id, input, expectedVersion } = options;
  authorize(actor, "deliveries.reattempt");
  const delivery = await db.$transaction(async (tx) => {
    const current = await lockDelivery(tx, actor, id, expectedVersion);
    const row = await tx.delivery.findUniqueOrThrow({
      where: { id },
      select: { attempt: true, partner: { select: { timeZone: true } }, assignee: { select: { active: true } } },
    });
    const check = checkReattempt(current.status, actor.role, row.attempt, input.keepCourier);
    if (!check.ok) {
      if (check.reason === "limit") {
        throw new AppError("conflict", `This delivery has had its ${maxAttempts()} attempts; create a new one.`, {
          attempt: row.attempt,
          maxAttempts: maxAttempts(),
        });
      }
      if (check.reason === "forbidden") throw new AppError("forbidden", "You may not re-attempt deliveries.");
      throw new AppError(
        "invalid_transition",
        `Only a FAILED delivery can be re-attempted; this one is ${current.status}.`,
        {
          currentStatus: current.status,
        },
      );
    }
    if (input.keepCourier && !(current.assigneeId && row.assignee?.active)) {
      throw new AppError("validation_failed", "The request body is not valid.", {
        errors: [
          { path: "keepCourier", message: "The courier of the failed attempt is not available; leave it false" },
        ],
      });
    }
    checkWindows({ pickupWindow: input.pickupWindow ?? null, dropoffWindow: input.dropoffWindow }, Date.now());
    const attempt = row.attempt + 1;
    return applyChange(tx, {
      actor,
      current,
      transition: check.transition,
      changes: {
        attempt,
        pickupWindowStart: input.pickupWindow ? new Date(input.pickupWindow.from) : null,
        pickupWindowEnd: input.pickupWindow ? new Date(input.pickupWindow.to) : null,
        dropoffWindowStart: new Date(input.dropoffWindow.from),
        dropoffWindowEnd: new Date(input.dropoffWindow.to),
        deliveryDate: new Date(`${dayInZone(input.dropoffWindow.from, row.partner.timeZone)}T00:00:00Z`),
        eta: null,
        etaAnnounced: null,
      },
      history: { kind: "REATTEMPT", details: { attempt, dropoffWindow: input.dropoffWindow } },
    });
  });
  kickOutbox();
  return delivery;
}
