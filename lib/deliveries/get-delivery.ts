import { AppError } from "@/lib/api/errors";
import { partnerScope, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { deliverySelect } from "@/lib/deliveries/serialize";
import { z } from "zod";

const idSchema = z.uuid();

/** The one answer for a delivery that does not exist or is outside the caller's scope. */
export function deliveryNotFound(): AppError {
  return new AppError("not_found", "No delivery with this id.");
}

/** Scoped lookup: the partner condition is part of the query, so nothing outside scope leaks. */
export async function getDeliveryOrThrow({ actor, id }: { actor: Actor; id: string }) {
  authorize(actor, "deliveries.read");
  if (!idSchema.safeParse(id).success) throw deliveryNotFound();
  const scope = partnerScope(actor);
  const delivery = await db.delivery.findFirst({
    where: { id, ...(scope ? { partnerId: scope } : {}) },
    select: deliverySelect,
  });
  if (!delivery) throw deliveryNotFound();
  return delivery;
}

export async function listStatusEvents({ actor, id }: { actor: Actor; id: string }) {
  authorize(actor, "deliveries.read");
  if (!idSchema.safeParse(id).success) throw deliveryNotFound();
  const scope = partnerScope(actor);
  const delivery = await db.delivery.findFirst({
    where: { id, ...(scope ? { partnerId: scope } : {}) },
    select: { events: { orderBy: { version: "asc" } } },
  });
  if (!delivery) throw deliveryNotFound();
  return delivery.events.map((e) => ({
    id: e.id,
    from: e.fromStatus,
    to: e.toStatus,
    actor: { kind: e.actorKind, id: e.actorId },
    reason: e.reason,
    createdAt: e.createdAt.toISOString(),
  }));
}
