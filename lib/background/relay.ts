// The outbox relay: claims committed rows in batches (SKIP LOCKED, a short lease, no transaction
// held across the send), hands them on under their row id as the event id (so a resend is dropped
// as a duplicate), and never gives a row up: failures back off and stay visible. Live rows go
// before an import's (oldest first within each), so one partner's import of thousands of rows
// does not hold another's single change in the outbox.
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * Where the relay hands events: the Inngest client (an Inngest server runs the functions), or the
 * embedded executor (the app runs them), or a test receiver.
 */
export interface EventSender {
  send(
    events: { id: string; name: string; data: Record<string, unknown>; ts: number; traceparent?: string }[],
  ): Promise<unknown>;
  /**
   * The sender takes each row's W3C trace context as the event's `traceparent` (the embedded
   * executor does). Others (the Inngest client) get the contract's event only.
   */
  readonly takesTraceparent?: boolean;
}

interface ClaimedRow {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  attempts: number;
  traceparent: string | null;
}

export interface RelayResult {
  sent: number;
  failed: number;
  batches: number;
  /** Why the last batch failed, if it did. */
  lastError: string | null;
}

/** A lease long enough for one send (the SDK retries internally for a few seconds). */
const LEASE_SECONDS = 60;
const MAX_BACKOFF_SECONDS = 15 * 60;

async function claimLane(bulk: boolean, limit: number): Promise<ClaimedRow[]> {
  return db.$queryRaw<ClaimedRow[]>`
    WITH claimed AS (
      UPDATE "OutboxEvent" SET "nextAttemptAt" = now() + make_interval(secs => ${LEASE_SECONDS})
      WHERE "id" IN (
        SELECT "id" FROM "OutboxEvent"
        WHERE "sentAt" IS NULL AND "bulk" = ${bulk} AND "nextAttemptAt" <= now()
        ORDER BY "createdAt", "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id", "name", "payload", "createdAt", "attempts", "traceparent")
    SELECT * FROM claimed ORDER BY "createdAt", "id"`;
}

/** Up to `limit` due rows: live ones first, the rest of the batch filled from imports. */
async function claimBatch(limit: number): Promise<ClaimedRow[]> {
  const live = await claimLane(false, limit);
  return live.length < limit ? [...live, ...(await claimLane(true, limit - live.length))] : live;
}

async function markSent(ids: string[]) {
  await db.$executeRaw`
    UPDATE "OutboxEvent" SET "sentAt" = now(), "attempts" = "attempts" + 1, "lastError" = NULL
    WHERE "id" = ANY(${ids}::uuid[])`;
}

/** Backoff after the n-th failure: 5 s, 10 s, 20 s … capped at MAX_BACKOFF_SECONDS. */
async function markFailed(ids: string[], error: unknown) {
  const message = String((error as Error)?.message ?? error).slice(0, 1000);
  await db.$executeRaw`
    UPDATE "OutboxEvent" SET "attempts" = "attempts" + 1, "lastError" = ${message},
      "nextAttemptAt" = now() + make_interval(secs => LEAST(${MAX_BACKOFF_SECONDS}, 5 * power(2, "attempts")))
    WHERE "id" = ANY(${ids}::uuid[])`;
}

/**
 * Sends every due row, batch by batch, until none is left or a batch fails (the event API is
 * then most likely down; the remaining rows wait for the next sweep).
 */
export async function relayOutbox(options: {
  sender: EventSender;
  batchSize?: number;
  maxBatches?: number;
  /** Asked before each batch: false ends the run early (a server shutting down). */
  proceed?: () => boolean;
}): Promise<RelayResult> {
  const batchSize = options.batchSize ?? env().OUTBOX_BATCH_SIZE;
  const maxBatches = options.maxBatches ?? 100;
  const result: RelayResult = { sent: 0, failed: 0, batches: 0, lastError: null };
  while (result.batches < maxBatches && (options.proceed?.() ?? true)) {
    const rows = await claimBatch(batchSize);
    if (rows.length === 0) break;
    result.batches++;
    try {
      const traced = options.sender.takesTraceparent === true;
      await options.sender.send(
        rows.map((r) => ({
          id: r.id,
          name: r.name,
          data: r.payload,
          ts: r.createdAt.getTime(),
          ...(traced && r.traceparent ? { traceparent: r.traceparent } : {}),
        })),
      );
    } catch (error) {
      await markFailed(
        rows.map((r) => r.id),
        error,
      );
      result.failed += rows.length;
      result.lastError = String((error as Error)?.message ?? error).slice(0, 300);
      break;
    }
    await markSent(rows.map((r) => r.id));
    result.sent += rows.length;
    if (rows.length < batchSize) break;
  }
  return result;
}
