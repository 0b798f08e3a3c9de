// The stuck-delivery check (DESIGN §7): deliveries that sat in CREATED or IN_TRANSIT longer than
// the configured thresholds are flagged once per delivery, status and threshold (unique index on
// StuckAlert), and admins get one email digest plus an in-app notification per delivery.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { STATUS_LABEL } from "@/lib/email/links";
import { env } from "@/lib/env";
import { notifyUsers, operatorUsers } from "@/lib/notifications/notify-users";

/**
 * Flags newly stuck deliveries and returns every alert not yet notified. `updatedAt` is the time of
 * the last status change: transitions are the only writes to a delivery after creation.
 */
export async function flagStuckDeliveries(): Promise<string[]> {
  const { STUCK_CREATED_AFTER_MINUTES: created, STUCK_IN_TRANSIT_AFTER_MINUTES: inTransit } = env();
  await db.$executeRaw`
    INSERT INTO "StuckAlert" ("id", "deliveryId", "status", "thresholdMinutes", "createdAt")
    SELECT gen_random_uuid(), d."id", d."status", CASE d."status" WHEN 'CREATED' THEN ${created}::int ELSE ${inTransit}::int END, now()
    FROM "Delivery" d
    WHERE (d."status" = 'CREATED' AND d."updatedAt" < now() - make_interval(mins => ${created}::int))
       OR (d."status" = 'IN_TRANSIT' AND d."updatedAt" < now() - make_interval(mins => ${inTransit}::int))
    ON CONFLICT ("deliveryId", "status", "thresholdMinutes") DO NOTHING`;
  const pending = await db.stuckAlert.findMany({
    where: { notifiedAt: null },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: { id: true },
  });
  return pending.map((a) => a.id);
}

/** Notifies admins about these alerts; keyed by the alert ids, so a retried run sends nothing twice. */
export async function notifyStuckAlerts(alertIds: string[]) {
  if (alertIds.length === 0) return { alerts: 0, emails: 0 };
  const alerts = await db.stuckAlert.findMany({
    where: { id: { in: alertIds } },
    orderBy: { createdAt: "asc" },
    include: {
      delivery: { select: { id: true, trackingCode: true, updatedAt: true, partner: { select: { name: true } } } },
    },
  });
  const now = Date.now();
  const items = alerts.map((a) => ({
    alertId: a.id,
    deliveryId: a.delivery.id,
    trackingCode: a.delivery.trackingCode,
    partnerName: a.delivery.partner.name,
    status: a.status as "CREATED" | "IN_TRANSIT",
    stuckMinutes: Math.floor((now - a.delivery.updatedAt.getTime()) / 60_000),
  }));
  const operators = await operatorUsers();
  const digest = createHash("sha256")
    .update([...alertIds].sort().join(","))
    .digest("hex")
    .slice(0, 32);
  for (const operator of operators) {
    await sendEmail({
      key: `stuck-digest:${digest}:${operator.id}`,
      to: operator.email,
      template: "stuck-digest",
      props: { items },
    });
  }
  for (const item of items) {
    await notifyUsers(
      operators.map((o) => o.id),
      {
        kind: "delivery.stuck",
        title: `Delivery ${item.trackingCode} is stuck`,
        body: `${item.partnerName}: ${STATUS_LABEL[item.status]} for ${Math.floor(item.stuckMinutes / 60)} h ${item.stuckMinutes % 60} min.`,
        dedupeKey: `stuck:${item.alertId}`,
        deliveryId: item.deliveryId,
      },
    );
  }
  await db.stuckAlert.updateMany({
    where: { id: { in: alertIds }, notifiedAt: null },
    data: { notifiedAt: new Date() },
  });
  return { alerts: items.length, emails: operators.length };
}
