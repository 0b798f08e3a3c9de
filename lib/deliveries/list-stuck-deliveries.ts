// Deliveries that have not moved for too long: CREATED since creation, or IN_TRANSIT since pickup
// (its last change). Oldest first, bounded, and served by the (status, createdAt) index.
import { partnerScope, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

export const DEFAULT_STUCK_AFTER_HOURS = 24;

export async function listStuckDeliveries(options: {
  actor: Actor;
  olderThanHours?: number;
  limit?: number;
  now?: Date;
}) {
  const { actor, olderThanHours = DEFAULT_STUCK_AFTER_HOURS, limit = 20, now = new Date() } = options;
  const scope = partnerScope(actor);
  const cutoff = new Date(now.getTime() - olderThanHours * 3_600_000);
  const rows = await db.delivery.findMany({
    where: {
      ...(scope ? { partnerId: scope } : {}),
      OR: [
        { status: "CREATED", createdAt: { lt: cutoff } },
        { status: "IN_TRANSIT", updatedAt: { lt: cutoff } },
      ],
    },
    orderBy: { updatedAt: "asc" },
    take: limit,
    select: { id: true, trackingCode: true, status: true, updatedAt: true, partner: { select: { name: true } } },
  });
  return rows;
}
