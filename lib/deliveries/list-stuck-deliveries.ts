// The stuck and late deliveries the caller may see (the admin overview), by the one definition in
// stuck-deliveries.ts: the same ones admins are alerted about. Longest unchanged first, bounded.
import { partnerScope, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { stuckCutoffs } from "@/lib/deliveries/stuck-deliveries";
import { lateWhere } from "@/lib/deliveries/list-deliveries";
import { isLate } from "@/lib/deliveries/windows";

export async function listStuckDeliveries(options: { actor: Actor; limit?: number; now?: Date }) {
  const { actor, limit = 20, now = new Date() } = options;
  authorize(actor, "deliveries.read");
  const scope = partnerScope(actor);
  const { CREATED, IN_TRANSIT } = stuckCutoffs(now);
  const rows = await db.delivery.findMany({
    where: {
      ...(scope ? { partnerId: scope } : {}),
      OR: [
        { status: "CREATED", updatedAt: { lt: CREATED.before } },
        { status: "IN_TRANSIT", updatedAt: { lt: IN_TRANSIT.before } },
        lateWhere(now),
      ],
    },
    orderBy: { updatedAt: "asc" },
    take: limit,
    select: {
      id: true,
      trackingCode: true,
      status: true,
      updatedAt: true,
      dropoffWindowEnd: true,
      partner: { select: { name: true } },
    },
  });
  return {
    rows: rows.map((r) => ({ ...r, late: isLate(r, now.getTime()) })),
    thresholds: { createdMinutes: CREATED.minutes, inTransitMinutes: IN_TRANSIT.minutes },
  };
}
