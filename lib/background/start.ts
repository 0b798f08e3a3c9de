// The one entry point of background work, started once per server process by instrumentation.ts
// with the app's Inngest client and functions: the outbox relay, handing events to an Inngest
// server when one is configured, otherwise to the embedded executor in this process.
import type { Inngest, InngestFunction } from "inngest";
import pg from "pg";
import { EmbeddedExecutor } from "@/lib/background/embedded/executor";
import { backgroundExecutor, env } from "@/lib/env";
import { forwardOutboxKicks, kickOutbox, startOutboxRelay, stopOutboxRelay } from "@/lib/background/scheduler";
import { loggerFor } from "@/lib/core/logger";

const log = loggerFor("background");

// On globalThis: scripts/server.mjs runs outside Next's bundle, and this is the one object both share.
const holder = globalThis as unknown as {
  embeddedExecutor?: EmbeddedExecutor;
  /** Called by scripts/server.mjs on SIGTERM, before the database pool closes. */
  stopBackground?: (graceMs: number) => Promise<void>;
};

const KICK_COALESCE_MS = 5;

/** The queue's own connections: one held for LISTEN, the others for fetching and completing jobs. */
function queuePool(connectionString: string, concurrency: number) {
  // The library warns below its concurrency: each worker fetches and completes its own jobs.
  const pool = new pg.Pool({ connectionString, max: concurrency + 2 });
  // An idle connection dropped by the server (a restart) is replaced; the queue reconnects itself.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}

export function startBackgroundWork({ client, functions }: { client: Inngest.Any; functions: InngestFunction.Any[] }) {
  const e = env();
  if (e.BACKGROUND_WORK === "off") {
    // A cluster worker that only serves requests (BACKGROUND_WORKERS): another runs the relay. Its
    // kicks after a commit go there through the primary (scripts/server.mjs), at most one message
    // per few ms, however many creates.
    const send = process.send?.bind(process);
    if (send) {
      let pending = false;
      forwardOutboxKicks(() => {
        if (pending) return;
        pending = true;
        setTimeout(() => ((pending = false), send({ type: "outbox:kick" })), KICK_COALESCE_MS).unref();
      });
    }
    log.info("Background work: off in this process (another process of this server runs it)");
    return;
  }
  // Kicks forwarded by the other cluster workers.
  process.on("message", (message: { type?: string } | undefined) => {
    if (message?.type === "outbox:kick") kickOutbox();
  });
  const mode = backgroundExecutor(e);
  if (mode === "embedded") {
    const executor = (holder.embeddedExecutor ??= new EmbeddedExecutor({
      appId: client.id,
      functions,
      pgPool: queuePool(e.DATABASE_URL, e.BACKGROUND_CONCURRENCY),
      concurrency: e.BACKGROUND_CONCURRENCY,
      leaseMs: e.BACKGROUND_LEASE_MS,
      pollMs: e.BACKGROUND_POLL_MS,
    }));
    executor.start().catch((error) => log.error({ err: error }, "background: the job queue did not start"));
    startOutboxRelay({ sender: executor, intervalMs: e.OUTBOX_RELAY_INTERVAL_MS });
  } else {
    startOutboxRelay({ sender: client, intervalMs: e.OUTBOX_RELAY_INTERVAL_MS });
  }
  holder.stopBackground = async (graceMs) => {
    await stopOutboxRelay();
    await holder.embeddedExecutor?.stop(graceMs);
    await holder.embeddedExecutor?.options.pgPool.end().catch(() => {});
  };
  log.info(
    `Background work: ${
      mode === "embedded"
        ? `embedded executor (in this process, ${e.BACKGROUND_CONCURRENCY} runs at a time)`
        : `Inngest (${e.INNGEST_DEV ? "dev server" : (e.INNGEST_BASE_URL ?? "Inngest Cloud")})`
    }`,
  );
}
