// The app's Prometheus metrics (prom-client's default registry), apart from the HTTP ones that
// scripts/server.mjs records for every request (lib/observability/http.mjs). prom-client is loaded
// from node_modules, not bundled (next.config.ts), so the server and every bundle of the app share
// one registry. See docs/observability.md for what each number means.
import { Counter, Gauge, register, type Metric } from "prom-client";
import { db } from "@/lib/db";

/**
 * Next.js can evaluate this module once per bundle (instrumentation, route handlers) in the same
 * process; the registry refuses a second metric of the same name, so the first one is reused.
 */
function once<M extends Metric>(name: string, create: () => M): M {
  return (register.getSingleMetric(name) as M | undefined) ?? create();
}

export const backgroundRuns = once(
  "background_runs_total",
  () =>
    new Counter({
      name: "background_runs_total",
      help: "Background function attempts that ended, by function and outcome (completed, failed, retried).",
      labelNames: ["function", "outcome"],
    }),
);

export const backgroundRunEvents = once(
  "background_run_events_total",
  () =>
    new Counter({
      name: "background_run_events_total",
      help: "Events taken by background runs that ended for good (a batch counts each), by function and outcome.",
      labelNames: ["function", "outcome"],
    }),
);

export const emails = once(
  "emails_total",
  () =>
    new Counter({
      name: "emails_total",
      help: "Emails handled, by outcome (sent, logged without a provider, failed).",
      labelNames: ["outcome"],
    }),
);

export const webhookAttempts = once(
  "webhook_attempts_total",
  () =>
    new Counter({
      name: "webhook_attempts_total",
      help: "Webhook delivery attempts, by outcome (delivered, http_error, no_response).",
      labelNames: ["outcome"],
    }),
);

/** The outcome label of one webhook attempt. */
export function webhookOutcome(result: { ok: boolean; responseStatus: number | null }) {
  return result.ok ? "delivered" : result.responseStatus === null ? "no_response" : "http_error";
}

/** What the pool behind the Prisma client reports (lib/db.ts keeps it on globalThis). */
const pool = () => (globalThis as { dbPool?: { totalCount: number; idleCount: number; waitingCount: number } }).dbPool;

once(
  "db_pool_connections_in_use",
  () =>
    new Gauge({
      name: "db_pool_connections_in_use",
      help: "Database connections of the app's pool currently lent to a query or transaction.",
      collect() {
        const p = pool();
        this.set(p ? p.totalCount - p.idleCount : 0);
      },
    }),
);

once(
  "db_pool_waiting_requests",
  () =>
    new Gauge({
      name: "db_pool_waiting_requests",
      help: "Queries waiting for a connection of the app's pool.",
      collect() {
        this.set(pool()?.waitingCount ?? 0);
      },
    }),
);

once(
  "live_streams_open",
  () =>
    new Gauge({
      name: "live_streams_open",
      help: "Live event streams (server-sent events) open in this process; summed across workers.",
      collect() {
        // Set by lib/live/hub.ts, on globalThis like the pool: read without loading the hub.
        this.set((globalThis as { liveHub?: { subscribers: Set<unknown> } }).liveHub?.subscribers.size ?? 0);
      },
    }),
);

/** The queue and outbox numbers, read in one statement: what the admin page shows too. */
export interface QueueNumbers {
  /** graphile-worker jobs that may run now and that no worker holds. */
  queueDepth: number;
  /** Seconds since the oldest of those became due; 0 when there is none. */
  oldestWaitingSeconds: number;
  /** Outbox rows not yet handed to the executor. */
  outboxPending: number;
  /** Seconds since the oldest of those was written; 0 when there is none. */
  outboxLagSeconds: number;
}

/**
 * graphile-worker's own table (its schema is created by the embedded executor; without it, as with
 * an Inngest server, the queue numbers are 0). Jobs past their last attempt are failed, not waiting.
 */
export async function readQueueNumbers(): Promise<QueueNumbers> {
  const [row] = await db.$queryRaw<
    { depth: number | null; oldest: number | null; pending: number; lag: number | null }[]
  >`
    WITH queue AS (
      SELECT count(*)::int AS depth, extract(epoch FROM now() - min(run_at))::float8 AS oldest
      FROM graphile_worker._private_jobs
      WHERE locked_at IS NULL AND attempts < max_attempts AND run_at <= now()
    )
    SELECT (SELECT depth FROM queue) AS depth, (SELECT oldest FROM queue) AS oldest,
      count(*)::int AS pending, extract(epoch FROM now() - min("createdAt"))::float8 AS lag
    FROM "OutboxEvent" WHERE "sentAt" IS NULL`.catch(async (error: unknown) => {
    // No graphile-worker schema (an Inngest server runs the functions): the outbox alone.
    if (!String((error as Error).message).includes("graphile_worker")) throw error;
    return db.$queryRaw<{ depth: null; oldest: null; pending: number; lag: number | null }[]>`
      SELECT NULL AS depth, NULL AS oldest, count(*)::int AS pending,
        extract(epoch FROM now() - min("createdAt"))::float8 AS lag
      FROM "OutboxEvent" WHERE "sentAt" IS NULL`;
  });
  return {
    queueDepth: row.depth ?? 0,
    oldestWaitingSeconds: Math.max(0, row.oldest ?? 0),
    outboxPending: row.pending,
    outboxLagSeconds: Math.max(0, row.lag ?? 0),
  };
}

/**
 * The database-wide numbers are the same seen from any process: only the process that runs the
 * background work reads them (one query per scrape, not one per worker), and the cluster's
 * aggregate takes the largest value (the others report 0).
 */
let reading: Promise<QueueNumbers> | null = null;
function queueGauge(name: string, help: string, pick: (n: QueueNumbers) => number) {
  return once(
    name,
    () =>
      new Gauge({
        name,
        help,
        aggregator: "max",
        async collect() {
          if (process.env.BACKGROUND_WORK === "off") return this.set(0);
          // One statement for the four gauges of a scrape.
          reading ??= readQueueNumbers().finally(() => setTimeout(() => (reading = null), 500).unref());
          // A database that does not answer leaves the last value: the scrape itself still answers.
          const numbers = await reading.catch(() => null);
          if (numbers) this.set(pick(numbers));
        },
      }),
  );
}

queueGauge("background_queue_depth", "Background jobs due now and not yet taken by a worker.", (n) => n.queueDepth);
queueGauge(
  "background_queue_oldest_waiting_seconds",
  "Age of the oldest background job due and not yet taken (0 when none).",
  (n) => n.oldestWaitingSeconds,
);
queueGauge("outbox_pending_events", "Outbox events not yet handed to the executor.", (n) => n.outboxPending);
queueGauge(
  "outbox_lag_seconds",
  "Age of the oldest outbox event not yet handed to the executor (0 when none).",
  (n) => n.outboxLagSeconds,
);
