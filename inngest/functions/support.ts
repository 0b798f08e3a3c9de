// Shared by the functions: the event as lib/ reads it, and steps that must not block each other.
import { NonRetriableError } from "inngest";
import type { DeliveryEvent } from "@/lib/outbox/events";

export function deliveryEventOf(event: { id?: string; name: string; data: unknown }): DeliveryEvent {
  if (!event.id) throw new NonRetriableError("Delivery events carry their outbox id as the event id");
  return { id: event.id, name: event.name, data: event.data } as DeliveryEvent;
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
