// Liveness of the processes running graphile-worker jobs: the library frees a dead worker's jobs
// only after 4 hours, so each process renews a row here and any process frees the jobs of one not
// seen for `leaseMs`; an interrupted run resumes within seconds elsewhere.
import { db } from "@/lib/db";

export async function notePool(id: string, workerIds: string[]) {
  await db.backgroundWorkerPool.upsert({
    where: { id },
    create: { id, workerIds },
    update: { workerIds, seenAt: new Date() },
  });
}

/** Frees the jobs held by pools not seen for `leaseMs` and forgets those pools. */
export async function freeDeadPools(self: string, leaseMs: number) {
  await db.$executeRaw`
    WITH dead AS (
      DELETE FROM "BackgroundWorkerPool"
      WHERE "id" <> ${self} AND "seenAt" < now() - make_interval(secs => ${leaseMs / 1000})
      RETURNING "workerIds")
    SELECT graphile_worker.force_unlock_workers(array_agg(w)) FROM dead, unnest(dead."workerIds") AS w
    HAVING count(*) > 0`;
}

/**
 * A stopping process hands back whatever its workers still hold (runs a shutdown interrupted),
 * so another process takes them at once instead of after the liveness window, and forgets itself.
 */
export async function releasePool(id: string, workerIds: string[]) {
  if (workerIds.length > 0) await db.$executeRaw`SELECT graphile_worker.force_unlock_workers(${workerIds}::text[])`;
  await db.backgroundWorkerPool.deleteMany({ where: { id } });
}
