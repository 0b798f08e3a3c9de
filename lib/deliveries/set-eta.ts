// The courier's estimated arrival for a delivery on its way. Every change is kept on the delivery
// and sent as a webhook; the recipient is emailed only when it is news: the first ETA, or one more
// than ETA_NEWS_MINUTES from the last they were told (decided here, in the transaction, so a
// courier nudging the time by a few minutes never floods anyone).
import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { lockDelivery } from "@/lib/deliveries/lock-delivery";
import { ETA_MAX_HOURS, type SetEtaInput } from "@/lib/deliveries/schemas";
import { deliverySelect } from "@/lib/deliveries/serialize";
import { writeOutboxEvent } from "@/lib/outbox/events";
import { kickOutbox } from "@/lib/background/scheduler";

/** A move of more than this many minutes from the announced ETA is emailed again. */
export const ETA_NEWS_MINUTES = 15;
const MINUTE = 60_000;
/** A courier's clock may be a little behind: an ETA up to this far in the past is still taken. */
const PAST_SLACK_MS = 5 * MINUTE;

const etaError = (message: string) =>
  new AppError("validation_failed", "The request body is not valid.", { errors: [{ path: "eta", message }] });

export async function setEta(options: { actor: Actor; id: string; input: SetEtaInput; expectedVersion?: number }) {
  const { actor, id, input, expectedVersion } = options;
  authorize(actor, "deliveries.setEta");
  const now = Date.now();
  const eta = new Date(input.eta !== undefined ? Date.parse(input.eta) : now + input.inMinutes! * MINUTE);
  if (eta.getTime() < now - PAST_SLACK_MS) throw etaError("Must not be in the past");
  if (eta.getTime() > now + ETA_MAX_HOURS * 60 * MINUTE) throw etaError(`At most ${ETA_MAX_HOURS} hours from now`);
  const delivery = await db.$transaction(async (tx) => {
    const current = await lockDelivery(tx, actor, id, expectedVersion);
    if (current.status !== "IN_TRANSIT") {
      throw new AppError(
        "invalid_transition",
        `An ETA is set once the delivery is on its way; it is ${current.status}.`,
        {
          currentStatus: current.status,
        },
      );
    }
    const before = await tx.delivery.findUniqueOrThrow({ where: { id }, select: { eta: true, etaAnnounced: true } });
    const announce =
      !before.etaAnnounced || Math.abs(eta.getTime() - before.etaAnnounced.getTime()) > ETA_NEWS_MINUTES * MINUTE;
    const version = current.version + 1;
    const updated = await tx.delivery.update({
      where: { id },
      data: { eta, version, ...(announce && { etaAnnounced: eta }) },
      select: deliverySelect,
    });
    await writeOutboxEvent(tx, {
      name: "delivery/eta.updated",
      data: {
        deliveryId: id,
        partnerId: current.partnerId,
        trackingCode: updated.trackingCode,
        eta: eta.toISOString(),
        previousEta: before.eta?.toISOString() ?? null,
        announce,
        version,
        occurredAt: updated.updatedAt.toISOString(),
      },
    });
    return updated;
  });
  kickOutbox();
  return delivery;
}
