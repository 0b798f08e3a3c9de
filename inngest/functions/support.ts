// Shared by the functions: the event as the change wrote it, and steps that must not block each other.
import { NonRetriableError } from "inngest";
import type { DeliveryEvent } from "@/lib/outbox/events";
import { loadDeliveryEvent } from "@/lib/outbox/load-event";

/**
 * The side effects of an import's rows yield to everything else (Inngest's `priority.run`, in
 * seconds; -600 is the furthest back it allows): another partner's single change is not queued
 * behind thousands of rows' webhooks and emails.
 */
export const IMPORT_ROWS_YIELD = { run: "has(event.data.importId) ? -600 : 0" };

/**
 * The outbox row behind a delivery event (its id is the event id), whose payload is what the
 * function acts on. No row: no change wrote this event, so nothing is sent, and the run fails
 * saying so (not retried: a row does not appear later).
 */
export async function deliveryEventOf(event: { id?: string; name: string }): Promise<DeliveryEvent> {
  const row = await loadDeliveryEvent(event);
  if (!row) {
    throw new NonRetriableError(
      `No outbox row ${event.id ?? "(no id)"} (${event.name}): not written by a change; skipped`,
    );
  }
  return row;
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
