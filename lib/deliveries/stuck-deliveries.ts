// The stuck-delivery check (DESIGN §7): deliveries that sat in CREATED or IN_TRANSIT longer than
// the configured thresholds are flagged once per delivery, status and threshold (unique index on
// StuckAlert), and admins get one email digest plus an in-app notification per delivery.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { statusWord } from "@/lib/deliveries/status-labels";
import { env } from "@/lib/env";
import { notifyUsers, operatorUsers } from "@/lib/notifications/notify-users";

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
    ON CONFLICT ("deliveryId", "status", "thresholdMinutes") DO NOTHING`;
  const pending = await db.stuckAlert.findMany({
    where: { notifiedAt: null },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: { id: true },
  });
  return pending.map((a) => a.id);
}

async function loadAlerts(alertIds: string[]) {
  const alerts = await db.stuckAlert.findMany({
    where: { id: { in: alertIds } },
    orderBy: { createdAt: "asc" },
    include: {
      delivery: { select: { id: true, trackingCode: true, updatedAt: true, partner: { select: { name: true } } } },
    },
  });
  const now = Date.now();
  return alerts.map((a) => ({
    alertId: a.id,
    deliveryId: a.delivery.id,
    trackingCode: a.delivery.trackingCode,
    partnerName: a.delivery.partner.name,
    status: a.status as "CREATED" | "IN_TRANSIT",
    stuckMinutes: Math.floor((now - a.delivery.updatedAt.getTime()) / 60_000),
  }));
}

/**
 * Tells every operator in the app, one notification per alert (keyed by the alert, so a retried
 * run adds nothing), and marks the alerts notified. Returns the operators, whom the digest emails
 * go to next: emails come after, and separately, so no email problem holds back these alerts.
 */
export async function notifyStuckInApp(alertIds: string[]): Promise<{ operatorIds: string[]; alerts: number }> {
  const items = await loadAlerts(alertIds);
  const operators = await operatorUsers();
  for (const item of items) {
    await notifyUsers(
      operators.map((o) => o.id),
      {
        kind: "delivery.stuck",
        title: `Delivery ${item.trackingCode} is stuck`,
        body: `${item.partnerName}: ${statusWord(item.status)} for ${Math.floor(item.stuckMinutes / 60)} h ${item.stuckMinutes % 60} min.`,
        dedupeKey: `stuck:${item.alertId}`,
        deliveryId: item.deliveryId,
      },
    );
  }
  await db.stuckAlert.updateMany({
    where: { id: { in: alertIds }, notifiedAt: null },
    data: { notifiedAt: new Date() },
  });
  return { operatorIds: operators.map((o) => o.id), alerts: items.length };
}

/** One operator's digest email of these alerts; keyed by the alert set and the operator. */
export async function emailStuckDigest(alertIds: string[], operatorId: string) {
  const operator = await db.user.findUnique({
    where: { id: operatorId },
    select: { id: true, email: true, active: true },
  });
  if (!operator?.active) return { skipped: "operator not active" };
  const digest = createHash("sha256")
    .update([...alertIds].sort().join(","))
    .digest("hex")
    .slice(0, 32);
  const message = await sendEmail({
    key: `stuck-digest:${digest}:${operator.id}`,
    to: operator.email,
    template: "stuck-digest",
    props: { items: await loadAlerts(alertIds) },
  });
  return { emailId: message.id, status: message.status };
}
