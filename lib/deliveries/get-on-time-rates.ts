// The on-time rate dispatch watches: of the deliveries completed in the last 7 and 30 days that had
// a drop-off window, the share completed inside it, per partner and per courier. Two aggregate
// reads over the (completedAt, partnerId) and (assigneeId, completedAt) indexes.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";

export const ON_TIME_PERIODS = [7, 30] as const;

export interface OnTimeRow {
  id: string;
  name: string;
  /** Per period (days): delivered with a window, and of those inside it; rate null when none. */
  periods: Record<(typeof ON_TIME_PERIODS)[number], { delivered: number; onTime: number; rate: number | null }>;
}

type Counts = { id: string; d7: number; o7: number; d30: number; o30: number };

function countsBy(column: "partnerId" | "assigneeId", since: Date, since7: Date) {
  const key = Prisma.raw(`"${column}"`);
  return db.$queryRaw<Counts[]>`
    SELECT ${key} AS "id",
      count(*) FILTER (WHERE "completedAt" >= ${since7})::int AS "d7",
      count(*) FILTER (WHERE "completedAt" >= ${since7} AND "completedAt" BETWEEN "dropoffWindowStart" AND "dropoffWindowEnd")::int AS "o7",
      count(*)::int AS "d30",
      count(*) FILTER (WHERE "completedAt" BETWEEN "dropoffWindowStart" AND "dropoffWindowEnd")::int AS "o30"
    FROM "Delivery"
    WHERE "completedAt" >= ${since} AND "status" = 'COMPLETED' AND "dropoffWindowEnd" IS NOT NULL AND ${key} IS NOT NULL
    GROUP BY 1`;
}

const rate = (onTime: number, delivered: number) => (delivered === 0 ? null : onTime / delivered);

function rows(counts: Counts[], names: Map<string, string>): OnTimeRow[] {
  return counts
    .map((c) => ({
      id: c.id,
      name: names.get(c.id) ?? "—",
      periods: {
        7: { delivered: c.d7, onTime: c.o7, rate: rate(c.o7, c.d7) },
        30: { delivered: c.d30, onTime: c.o30, rate: rate(c.o30, c.d30) },
      },
    }))
    .sort((a, b) => b.periods[30].delivered - a.periods[30].delivered || a.name.localeCompare(b.name));
}

/** Dispatch's view (every partner and courier): admins only. */
export async function getOnTimeRates(options: { actor: Actor; now?: Date }) {
  const { actor, now = new Date() } = options;
  authorize(actor, "deliveries.readAll");
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const since7 = new Date(now.getTime() - 7 * 86_400_000);
  const [byPartner, byCourier] = await Promise.all([
    countsBy("partnerId", since, since7),
    countsBy("assigneeId", since, since7),
  ]);
  const [partners, couriers] = await Promise.all([
    db.partner.findMany({ where: { id: { in: byPartner.map((r) => r.id) } }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { id: { in: byCourier.map((r) => r.id) } },
      select: { id: true, name: true, email: true },
    }),
  ]);
  return {
    partners: rows(byPartner, new Map(partners.map((p) => [p.id, p.name]))),
    couriers: rows(byCourier, new Map(couriers.map((c) => [c.id, c.name || c.email]))),
  };
}
