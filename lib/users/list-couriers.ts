// Couriers for dispatch: who can be given deliveries, and how loaded each one is today (the admin
// overview and the assign control). One grouped query over the (assigneeId, …) index.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";

export interface CourierLoad {
  id: string;
  name: string | null;
  email: string;
  active: boolean;
  assigned: number;
  inTransit: number;
  completedToday: number;
}

export async function listCouriers(options: { actor: Actor; now?: Date }): Promise<CourierLoad[]> {
  const { actor, now = new Date() } = options;
  authorize(actor, "deliveries.assign");
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [couriers, load] = await Promise.all([
    db.user.findMany({
      where: { role: "COURIER" },
      orderBy: [{ active: "desc" }, { name: "asc" }, { email: "asc" }],
      select: { id: true, name: true, email: true, active: true },
    }),
    db.delivery.groupBy({
      by: ["assigneeId", "status"],
      where: {
        assigneeId: { not: null },
        OR: [{ status: { in: ["ASSIGNED", "IN_TRANSIT"] } }, { status: "COMPLETED", updatedAt: { gte: today } }],
      },
      _count: { _all: true },
    }),
  ]);
  const count = (id: string, status: string) =>
    load.find((row) => row.assigneeId === id && row.status === status)?._count._all ?? 0;
  return couriers.map((c) => ({
    ...c,
    assigned: count(c.id, "ASSIGNED"),
    inTransit: count(c.id, "IN_TRANSIT"),
    completedToday: count(c.id, "COMPLETED"),
  }));
}
