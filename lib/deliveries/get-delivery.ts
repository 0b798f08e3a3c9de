import { AppError } from "@/lib/core/errors";
import { deliveryScope, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { deliverySelect } from "@/lib/deliveries/serialize";
import { z } from "zod";

const idSchema = z.uuid();

/** The one answer for a delivery that does not exist or is outside the caller's scope. */
export function deliveryNotFound(): AppError {
  return new AppError("not_found", "No delivery with this id.");
}

/** The caller's delivery scope as a query condition: a partner's, a courier's assignments, or all. */
export function scopeWhere(actor: Actor): { partnerId?: string; assigneeId?: string } {
  const { partnerId, assigneeId } = deliveryScope(actor);
  return { ...(partnerId ? { partnerId } : {}), ...(assigneeId ? { assigneeId } : {}) };
}

/** Scoped lookup: the partner condition is part of the query, so nothing outside scope leaks. */
export async function getDeliveryOrThrow({ actor, id }: { actor: Actor; id: string }) {
  authorize(actor, "deliveries.read");
  if (!idSchema.safeParse(id).success) throw deliveryNotFound();
  const delivery = await db.delivery.findFirst({
    where: { id, ...scopeWhere(actor) },
    select: deliverySelect,
  });
  if (!delivery) throw deliveryNotFound();
  return delivery;
}

/** What a history entry records: a status move, new windows, or the start of another attempt. */
export type HistoryKind = "STATUS" | "RESCHEDULE" | "REATTEMPT";

export async function listStatusEvents({ actor, id }: { actor: Actor; id: string }) {
  authorize(actor, "deliveries.read");
  if (!idSchema.safeParse(id).success) throw deliveryNotFound();
  const delivery = await db.delivery.findFirst({
    where: { id, ...scopeWhere(actor) },
    select: { events: { orderBy: { version: "asc" } } },
  });
  if (!delivery) throw deliveryNotFound();
  return delivery.events.map((e) => ({
    id: e.id,
    from: e.fromStatus,
    to: e.toStatus,
    actor: { kind: e.actorKind, id: e.actorId },
    reason: e.reason,
    assigneeId: e.assigneeId,
    kind: e.kind as HistoryKind,
    details: (e.details ?? null) as Record<string, unknown> | null,
    createdAt: e.createdAt.toISOString(),
  }));
}
