// Retention (DESIGN §7): what was sent, read or finished long ago is deleted, so the tables the
// background work writes to do not grow without end. Ages come from lib/env.ts (RETENTION_*).
// Nothing pending is ever pruned: unsent outbox rows, unread notifications and unfinished runs stay.
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export interface PruneResult {
  outboxEvents: number;
  webhookAttempts: number;
  webhookMessages: number;
  emails: number;
  notifications: number;
  runs: number;
  rateLimits: number;
  revokedSessions: number;
}

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);

export async function pruneOldRecords(): Promise<PruneResult> {
  const e = env();
  const attemptsCutoff = daysAgo(e.RETENTION_WEBHOOK_ATTEMPTS_DAYS);
  const [outboxEvents, webhookAttempts, webhookMessages, emails, notifications, runs, rateLimits, revokedSessions] =
    await Promise.all([
      db.outboxEvent.deleteMany({ where: { sentAt: { lt: daysAgo(e.RETENTION_OUTBOX_DAYS) } } }),
      db.webhookDelivery.deleteMany({ where: { createdAt: { lt: attemptsCutoff } } }),
      // A logged message (its body holds the delivery) goes with its attempts: once it is older than
      // they are kept and nothing was attempted since (a resend keeps it for another window).
      db.webhookMessage.deleteMany({
        where: { createdAt: { lt: attemptsCutoff }, attempts: { none: { createdAt: { gte: attemptsCutoff } } } },
      }),
      db.emailMessage.deleteMany({
        where: { createdAt: { lt: daysAgo(e.RETENTION_EMAILS_DAYS) }, status: { in: ["SENT", "LOGGED", "FAILED"] } },
      }),
      db.notification.deleteMany({ where: { readAt: { lt: daysAgo(e.RETENTION_NOTIFICATIONS_DAYS) } } }),
      db.backgroundRun.deleteMany({
        where: { finishedAt: { lt: daysAgo(e.RETENTION_RUNS_DAYS) }, status: { in: ["COMPLETED", "FAILED"] } },
      }),
      // Fixed windows of at most 15 minutes: a row a day old counts nothing any more.
      db.rateLimit.deleteMany({ where: { windowStart: { lt: daysAgo(1) } } }),
      // Past its expiry a revoked JWT is refused anyway.
      db.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } }),
    ]);
  return {
    outboxEvents: outboxEvents.count,
    webhookAttempts: webhookAttempts.count,
    webhookMessages: webhookMessages.count,
    emails: emails.count,
    notifications: notifications.count,
    runs: runs.count,
    rateLimits: rateLimits.count,
    revokedSessions: revokedSessions.count,
  };
}
