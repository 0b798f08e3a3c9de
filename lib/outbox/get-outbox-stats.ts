// What admins see about the outbox (DESIGN §7: "the admin dashboard shows the pending outbox
// honestly"). The one action they have on it is retry-outbox.ts.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { backgroundExecutor } from "@/lib/env";

export interface OutboxStats {
  /** Rows not yet accepted by Inngest. */
  pending: number;
  /** Pending rows whose last attempt failed (they are retried with backoff, never dropped). */
  failed: number;
  /** Age in seconds of the oldest pending row, null when nothing is pending. */
  oldestPendingAgeSeconds: number | null;
  lastError: string | null;
  lastSentAt: string | null;
  /** "ok" when nothing has been waiting long or failed; otherwise "degraded". */
  health: "ok" | "degraded";
  /** One plain sentence for the admin overview. */
  summary: string;
}

/** Older than this, a pending row means the relay or Inngest is not keeping up. */
const STALE_SECONDS = 60;

/**
 * Only unsent rows are read (the (sentAt, …) indexes hold NULLs first-class, so `IS NULL` is an
 * index range), and the newest sentAt is one index probe: sent rows can be millions. Exported for
 * the test that proves the plan.
 */
export const outboxStatsQuery = Prisma.sql`
    SELECT
      count(*)::int AS "pending",
      count(*) FILTER (WHERE "lastError" IS NOT NULL)::int AS "failed",
      floor(extract(epoch FROM now() - min("createdAt")))::int AS "oldest",
      (SELECT "lastError" FROM "OutboxEvent" WHERE "sentAt" IS NULL AND "lastError" IS NOT NULL
        ORDER BY "createdAt" DESC LIMIT 1) AS "lastError",
      (SELECT max("sentAt") FROM "OutboxEvent") AS "lastSentAt"
    FROM "OutboxEvent" WHERE "sentAt" IS NULL`;

export async function getOutboxStats({ actor }: { actor: Actor }): Promise<OutboxStats> {
  authorize(actor, "jobs.read");
  const [row] =
    await db.$queryRaw<
      { pending: number; failed: number; oldest: number | null; lastError: string | null; lastSentAt: Date | null }[]
    >(outboxStatsQuery);
  const degraded = row.failed > 0 || (row.oldest ?? 0) > STALE_SECONDS;
  const target = backgroundExecutor() === "embedded" ? "the background executor" : "Inngest";
  const summary = !degraded
    ? row.pending === 0
      ? `All background events have been handed to ${target}.`
      : `${row.pending} event(s) are on their way to ${target}.`
    : `${target[0].toUpperCase()}${target.slice(1)} is not accepting events: ${row.pending} event(s) are waiting (oldest ${formatAge(row.oldest ?? 0)} ago) ` +
      "and will be handed on when it is reachable again; nothing is lost. Emails, webhooks and notifications are delayed until then.";
  return {
    pending: row.pending,
    failed: row.failed,
    oldestPendingAgeSeconds: row.oldest,
    lastError: row.lastError,
    lastSentAt: row.lastSentAt?.toISOString() ?? null,
    health: degraded ? "degraded" : "ok",
    summary,
  };
}

function formatAge(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}
