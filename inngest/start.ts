// Started once per server process by instrumentation.ts: the outbox relay, handing events to the
// executor that runs the background functions (DESIGN §7) — an Inngest server when one is
// configured, otherwise the embedded executor in this process. The choice is logged once.
import { inngest } from "@/inngest/client";
import { EmbeddedExecutor } from "@/inngest/embedded/executor";
import { functions } from "@/inngest/functions";
import { backgroundExecutor, env } from "@/lib/env";
import { startOutboxRelay, stopOutboxRelay } from "@/lib/outbox/scheduler";

const holder = globalThis as unknown as {
  embeddedExecutor?: EmbeddedExecutor;
  /** Called by scripts/server.mjs on SIGTERM, before the database pool closes. */
  stopBackground?: (graceMs: number) => Promise<void>;
};

export function startBackgroundWork(): void {
  const e = env();
  const mode = backgroundExecutor(e);
  if (mode === "embedded") {
    const executor = (holder.embeddedExecutor ??= new EmbeddedExecutor({
      appId: inngest.id,
      functions,
      concurrency: e.BACKGROUND_CONCURRENCY,
      retryBaseMs: e.BACKGROUND_RETRY_BASE_MS,
      leaseMs: e.BACKGROUND_LEASE_MS,
      pollMs: e.BACKGROUND_POLL_MS,
    }));
    executor.start();
    startOutboxRelay({ sender: executor, intervalMs: e.OUTBOX_RELAY_INTERVAL_MS });
  } else {
    startOutboxRelay({ sender: inngest, intervalMs: e.OUTBOX_RELAY_INTERVAL_MS });
  }
  holder.stopBackground = async (graceMs) => {
    await stopOutboxRelay();
    await holder.embeddedExecutor?.stop(graceMs);
  };
  console.log(
    `▸ Background work: ${
      mode === "embedded"
        ? `embedded executor (in this process, ${e.BACKGROUND_CONCURRENCY} runs at a time)`
        : `Inngest (${e.INNGEST_DEV ? "dev server" : (e.INNGEST_BASE_URL ?? "Inngest Cloud")})`
    }`,
  );
}
