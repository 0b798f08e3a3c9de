// A courier's day: what is assigned to them and not finished, today's (and overdue)
// first, by due time (the drop-off window's end, else the end of the delivery day); in transit
// before not yet started when due at the same time. The same scope as
// every delivery query (deliveryScope): only their own assignments.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { deliveryNotFound } from "@/lib/deliveries/get-delivery";
import { isoDate } from "@/lib/core/format";
import { isLate } from "@/lib/deliveries/windows";
import { z } from "zod";
import { scheduleSelect } from "@/lib/deliveries/serialize";

export async function listMyDeliveries(options: { actor: Actor; now?: Date }) {
  const { actor, now = new Date() } = options;
  authorize(actor, "deliveries.assignedOnly");
  const today = now.toISOString().slice(0, 10);
  const startOfDay = new Date(`${today}T00:00:00Z`);
  const [open, doneToday] = await Promise.all([
    db.delivery.findMany({
      where: { assigneeId: actor.id, status: { in: ["ASSIGNED", "IN_TRANSIT"] } },
      orderBy: [{ dueAt: "asc" }, { status: "desc" }, { trackingCode: "asc" }],
      take: 200,
      select: {
        id: true,
        trackingCode: true,
        status: true,
        dropoffAddress: true,
        recipientName: true,
        deliveryDate: true,
        dropoffWindowStart: true,
        dropoffWindowEnd: true,
        version: true,
        partner: { select: { name: true, timeZone: true } },
      },
    }),
    db.delivery.count({
      where: { assigneeId: actor.id, status: { in: ["COMPLETED", "FAILED"] }, updatedAt: { gte: startOfDay } },
    }),
  ]);
  const rows = open.map((d) => ({ ...d, deliveryDate: isoDate(d.deliveryDate), late: isLate(d, now.getTime()) }));
  return {
    today: rows.filter((d) => d.deliveryDate <= today),
    later: rows.filter((d) => d.deliveryDate > today),
    doneToday,
  };
}

/** One of the courier's own deliveries with what completing it asks for; 404 for anything else. */
export async function getMyDelivery({ actor, id }: { actor: Actor; id: string }) {
  authorize(actor, "deliveries.assignedOnly");
  const delivery = z.uuid().safeParse(id).success
    ? await db.delivery.findFirst({
        where: { id, assigneeId: actor.id },
        select: {
          id: true,
          trackingCode: true,
          status: true,
          version: true,
          pickupAddress: true,
          dropoffAddress: true,
          recipientName: true,
          recipientPhone: true,
          productName: true,
          notes: true,
          deliveryDate: true,
          ...scheduleSelect,
          proofCodeAttempts: true,
          partner: { select: { name: true, proofOfDelivery: true, timeZone: true } },
          proofs: { select: { kind: true } },
        },
      })
    : null;
  if (!delivery) throw deliveryNotFound();
  return { ...delivery, deliveryDate: isoDate(delivery.deliveryDate), late: isLate(delivery) };
}
