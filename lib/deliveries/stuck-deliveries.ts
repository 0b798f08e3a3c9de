// The stuck-delivery check: deliveries that sat in CREATED or IN_TRANSIT longer than the
// configured thresholds, and open deliveries past their drop-off window (late), are flagged once
// per delivery, kind, status and threshold (unique index on StuckAlert). What admins are told
// about them is in lib/notifications/stuck-alerts.ts.
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * The one definition of "stuck" (the overview lists these; admins are alerted about these): in
 * CREATED or IN_TRANSIT, unchanged since before that status's threshold (lib/env.ts). `updatedAt`
 * is the time of the last status change: transitions are the only writes after creation. Served
 * by the (status, updatedAt) index.
 */
export function stuckCutoffs(now = new Date()) {
  const { STUCK_CREATED_AFTER_MINUTES: created, STUCK_IN_TRANSIT_AFTER_MINUTES: inTransit } = env();
  return {
    CREATED: { minutes: created, before: new Date(now.getTime() - created * 60_000) },
    IN_TRANSIT: { minutes: inTransit, before: new Date(now.getTime() - inTransit * 60_000) },
  };
}

/** Flags newly stuck deliveries and returns every alert not yet notified. */
export async function flagStuckDeliveries(): Promise<string[]> {
  const { CREATED, IN_TRANSIT } = stuckCutoffs();
  await db.$executeRaw`
    INSERT INTO "StuckAlert" ("id", "deliveryId", "status", "thresholdMinutes", "createdAt")
    SELECT gen_random_uuid(), d."id", d."status", CASE d."status" WHEN 'CREATED' THEN ${CREATED.minutes}::int ELSE ${IN_TRANSIT.minutes}::int END, now()
    FROM "Delivery" d
    WHERE (d."status" = 'CREATED' AND d."updatedAt" < ${CREATED.before})
       OR (d."status" = 'IN_TRANSIT' AND d."updatedAt" < ${IN_TRANSIT.before})
    ON CONFLICT ("deliveryId", "kind", "status", "thresholdMinutes") DO NOTHING`;
  // Late: still open when its drop-off window ended (served by the (status, dropoffWindowEnd) index).
  await db.$executeRaw`
    INSERT INTO "StuckAlert" ("id", "deliveryId", "kind", "status", "thresholdMinutes", "createdAt")
    SELECT gen_random_uuid(), d."id", 'LATE', d."status", 0, now()
    FROM "Delivery" d
    WHERE d."status" IN ('CREATED', 'ASSIGNED', 'IN_TRANSIT') AND d."dropoffWindowEnd" < now()
    ON CONFLICT ("deliveryId", "kind", "status", "thresholdMinutes") DO NOTHING`;
  const pending = await db.stuckAlert.findMany({
    where: { notifiedAt: null },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: { id: true },
  });
  return pending.map((a) => a.id);
}
