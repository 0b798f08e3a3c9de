// Numbers for the admin overview: deliveries per status, and per day (by creation) for the last
// `days` days split by their current status. Both are single aggregate queries on indexed columns.
import { partnerScope, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { DELIVERY_STATUSES } from "@/lib/deliveries/state-machine";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

export type StatusCounts = Record<DeliveryStatus, number>;

export interface DayCounts {
  day: string; // YYYY-MM-DD (UTC)
  counts: StatusCounts;
}

const zeroCounts = (): StatusCounts => Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as StatusCounts;

export async function getDeliveryStats(options: { actor: Actor; days?: number; now?: Date }) {
  const { actor, days = 30, now = new Date() } = options;
  authorize(actor, "deliveries.read");
  const scope = partnerScope(actor);
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
  const [byStatus, perDay] = await Promise.all([
    db.delivery.groupBy({ by: ["status"], where: scope ? { partnerId: scope } : {}, _count: { _all: true } }),
    db.$queryRaw<{ day: string; status: DeliveryStatus; count: number }[]>`
      SELECT to_char(date_trunc('day', "createdAt"), 'YYYY-MM-DD') AS "day", "status"::text AS "status", count(*)::int AS "count"
      FROM "Delivery"
      WHERE "createdAt" >= ${first} AND (${scope}::uuid IS NULL OR "partnerId" = ${scope}::uuid)
      GROUP BY 1, 2`,
  ]);

  const totals = zeroCounts();
  for (const row of byStatus) totals[row.status] = row._count._all;

  // Every day appears, also those without deliveries, so the chart's x-axis is continuous.
  const series: DayCounts[] = Array.from({ length: days }, (_, i) => ({
    day: new Date(first.getTime() + i * 86_400_000).toISOString().slice(0, 10),
    counts: zeroCounts(),
  }));
  const byDay = new Map(series.map((d) => [d.day, d]));
  for (const row of perDay) {
    const entry = byDay.get(row.day);
    if (entry) entry.counts[row.status] = row.count;
  }
  return { totals, perDay: series };
}
