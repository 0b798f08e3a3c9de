// The one action admins have on the outbox, for the API route and the overview's button alike.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { RetryOutboxInput } from "@/lib/outbox/schemas";
import { kickOutbox } from "@/lib/background/scheduler";

/**
 * Makes every pending row (or one) due now, skipping its backoff, and starts the relay without
 * waiting for it. Returns how many rows were reset.
 */
export async function retryOutbox({ actor, input = {} }: { actor: Actor; input?: RetryOutboxInput }): Promise<number> {
  authorize(actor, "jobs.retry");
  const result = await db.outboxEvent.updateMany({
    where: { sentAt: null, ...(input.id ? { id: input.id } : {}) },
    data: { nextAttemptAt: new Date() },
  });
  kickOutbox();
  return result.count;
}
