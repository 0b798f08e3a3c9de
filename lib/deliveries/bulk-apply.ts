// The engine of the bulk use cases: one single-delivery use case per row, each row in its own
// transaction (all or nothing for that row, never for the batch), and every row's outcome reported.
// A row that moved on, or whose version is not the one the caller saw, is skipped and named.
import { loggerFor } from "@/lib/core/logger";
import { AppError, toAppError } from "@/lib/core/errors";
import { deliveryScope, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { BulkResponse, BulkResult } from "@/lib/deliveries/bulk-schemas";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

const log = loggerFor("bulk-dispatch");

/**
 * Rows changed at the same time: a few, so a batch of hundreds ends in seconds while the pool keeps
 * connections for everyone else. Each row still serialises with any other change of it (row lock).
 */
const PARALLEL_ROWS = 4;

interface Item {
  id: string;
  version?: number;
}

interface Changed {
  id: string;
  trackingCode: string;
  status: DeliveryStatus;
  version: number;
}

/** What a skipped row's problem is called: a stale version reads "changed", the rest their code. */
function problemOf(error: AppError) {
  return { code: error.code === "precondition_failed" ? "changed" : error.code, detail: error.message };
}

export async function applyToEach(
  actor: Actor,
  items: Item[],
  change: (item: Item) => Promise<Changed>,
): Promise<BulkResponse> {
  const results: BulkResult[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index];
      try {
        const done = await change(item);
        const unchanged = item.version !== undefined && done.version === item.version;
        results[index] = {
          id: item.id,
          trackingCode: done.trackingCode,
          outcome: unchanged ? "unchanged" : "applied",
          status: done.status,
          version: done.version,
          problem: null,
        };
      } catch (error) {
        const appError = toAppError(error);
        if (!(error instanceof AppError)) log.error({ err: error, deliveryId: item.id }, "bulk row failed");
        results[index] = {
          id: item.id,
          trackingCode: null,
          outcome: "skipped",
          status: null,
          version: null,
          problem: problemOf(appError),
        };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_ROWS, items.length) }, worker));
  await nameSkipped(actor, results);
  return {
    data: results,
    summary: {
      applied: results.filter((r) => r.outcome === "applied").length,
      unchanged: results.filter((r) => r.outcome === "unchanged").length,
      skipped: results.filter((r) => r.outcome === "skipped").length,
    },
  };
}

/** Skipped rows the caller may see get their tracking code and current status, so each is named. */
async function nameSkipped(actor: Actor, results: BulkResult[]) {
  const skipped = results.filter((r) => r.outcome === "skipped");
  if (!skipped.length) return;
  const { partnerId, assigneeId } = deliveryScope(actor);
  const rows = await db.delivery.findMany({
    where: {
      id: { in: skipped.map((r) => r.id) },
      ...(partnerId ? { partnerId } : {}),
      ...(assigneeId ? { assigneeId } : {}),
    },
    select: { id: true, trackingCode: true, status: true, version: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const result of skipped) {
    const row = byId.get(result.id);
    if (!row) continue;
    result.trackingCode = row.trackingCode;
    result.status = row.status;
    result.version = row.version;
  }
}
