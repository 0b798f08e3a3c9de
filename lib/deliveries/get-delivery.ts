import { AppError } from "@/lib/api/errors";
import { partnerScope, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { deliverySelect } from "@/lib/deliveries/serialize";
import { z } from "zod";

const idSchema = z.uuid();

export function notFound(): AppError {
  return new AppError("not_found", "No delivery with this id.");
}

/** Scoped lookup: the partner condition is part of the query, so nothing outside scope leaks. */
export async function getDeliveryOrThrow({ actor, id }: { actor: Actor; id: string }) {
  if (!idSchema.safeParse(id).success) throw notFound();
  const scope = partnerScope(actor);
  const delivery = await db.delivery.findFirst({
    where: { id, ...(scope ? { partnerId: scope } : {}) },
    select: deliverySelect,
  });
  if (!delivery) throw notFound();
  return delivery;
}

export async function listStatusEvents({ actor, id }: { actor: Actor; id: string }) {
  if (!idSchema.safeParse(id).success) throw notFound();
  const scope = partnerScope(actor);
  const delivery = await db.delivery.findFirst({
    where: { id, ...(scope ? { partnerId: scope } : {}) },
    select: { events: { orderBy: { version: "asc" } } },
  });
  if (!delivery) throw notFound();
  return delivery.events.map((e) => ({
    id: e.id,
    from: e.fromStatus,
    to: e.toStatus,
    actor: { kind: e.actorKind, id: e.actorId },
    reason: e.reason,
    createdAt: e.createdAt.toISOString(),
  }));
}
