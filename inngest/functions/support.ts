// Shared by the functions: the event as the change wrote it, and steps that must not block each other.
import { NonRetriableError } from "inngest";

/**
 * How the delivery side-effect functions take events: in batches of up to 100 (Inngest waits up to
 * a second to fill one; the embedded executor fills a batch while it waits for a worker), an
 * import's rows batched apart from everything else. An import's batches run one at a time, so its
 * thousands of rows take one worker and another partner's single change never waits behind them;
 * other batches run side by side (the key is the batch's first event, so none share one).
 */
export const DELIVERY_BATCHES = {
  batchEvents: { maxSize: 100, timeout: "1s" as const, key: "has(event.data.importId) ? event.data.importId : 'live'" },
  concurrency: { key: "has(event.data.importId) ? event.data.importId : event.id", limit: 1 },
};

/**
 * A batch's result, or a failure naming the events that had no outbox row (skipped; not retried:
 * a row does not appear later), once the others are done.
 */
export function endBatch<T>(result: T, missing: string[]): T {
  if (missing.length > 0) {
    throw new NonRetriableError(`No outbox row for ${missing.join(", ")}: not written by a change; skipped`);
  }
  return result;
}

/**
 * Runs every step in order even when one fails for good (its retries used up), then fails the run
 * if any did: one undeliverable email must not stop the others. Step retries happen before the
 * failure reaches here, so only final failures are caught.
 */
export async function settleSteps<T extends Record<string, () => Promise<unknown>>>(
  steps: T,
): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: Record<string, unknown> = {};
  const failures: string[] = [];
  for (const [name, run] of Object.entries(steps)) {
    try {
      results[name] = await run();
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failures.length > 0) throw new NonRetriableError(`Failed after retries: ${failures.join("; ")}`);
  return results as { [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
