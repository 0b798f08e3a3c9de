// What admins hear about stuck deliveries (flagged by lib/deliveries/stuck-deliveries.ts): an
// in-app notification per delivery and one email digest per admin. Beside the other delivery
// messages (delivery-events.ts), so every delivery email and notification is built in one folder.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { statusWord } from "@/lib/deliveries/status-labels";
import { notifyUsers, operatorUsers } from "@/lib/notifications/notify-users";

async function loadAlerts(alertIds: string[]) {
  const alerts = await db.stuckAlert.findMany({
    where: { id: { in: alertIds } },
    orderBy: { createdAt: "asc" },
    include: {
      delivery: {
        select: {
          id: true,
          trackingCode: true,
          updatedAt: true,
          dropoffWindowEnd: true,
          partner: { select: { name: true } },
        },
      },
    },
  });
  const now = Date.now();
  return alerts.map((a) => ({
    alertId: a.id,
    deliveryId: a.delivery.id,
    trackingCode: a.delivery.trackingCode,
    partnerName: a.delivery.partner.name,
    status: a.status,
    stuckMinutes: Math.floor((now - a.delivery.updatedAt.getTime()) / 60_000),
    /** Set for a LATE alert: minutes since its drop-off window ended. */
    lateMinutes:
      a.kind === "LATE" && a.delivery.dropoffWindowEnd
        ? Math.floor((now - a.delivery.dropoffWindowEnd.getTime()) / 60_000)
        : null,
  }));
}

const hoursAndMinutes = (minutes: number) => `${Math.floor(minutes / 60)} h ${minutes % 60} min`;

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
        title: `Delivery ${item.trackingCode} is ${item.lateMinutes === null ? "stuck" : "late"}`,
        body:
          item.lateMinutes === null
            ? `${item.partnerName}: ${statusWord(item.status)} for ${hoursAndMinutes(item.stuckMinutes)}.`
            : `${item.partnerName}: ${statusWord(item.status)}, its drop-off window ended ${hoursAndMinutes(item.lateMinutes)} ago.`,
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
