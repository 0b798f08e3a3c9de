// What admins see of the embedded executor's runs (/admin/runs and the overview), and the one
// action they have on them: run a failed run again.
import { z } from "zod";
import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { MAX_JOB_ATTEMPTS } from "@/lib/background/runs";
import { db } from "@/lib/db";
import { readCursor, writeCursor } from "@/lib/core/cursor";
import type { BackgroundRunStatus } from "@/lib/generated/prisma/enums";

export const RUN_STATUSES = [
  "QUEUED",
  "RUNNING",
  "COMPLETED",
  "FAILED",
] as const satisfies readonly BackgroundRunStatus[];
export const runFilterSchema = z.object({ status: z.enum(RUN_STATUSES).optional() });

const PAGE_SIZE = 100;

/**
 * One page of runs, newest first, keyset-paginated like the deliveries: `cursor` names the last run
 * of the page before (lib/core/cursor.ts); one that does not decode is the first page.
 */
export async function listRuns({
  actor,
  status,
  cursor,
}: {
  actor: Actor;
  status?: BackgroundRunStatus;
  cursor?: string;
}) {
  authorize(actor, "jobs.read");
  const after = cursor ? readCursor(cursor) : null;
  const at = after ? new Date(after.value) : null;
  const rows = await db.backgroundRun.findMany({
    where: {
      ...(status ? { status } : {}),
      ...(after && at
        ? { createdAt: { lte: at }, OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: RUN_ROW,
  });
  const data = rows.slice(0, PAGE_SIZE);
  const last = data.at(-1);
  return {
    data,
    nextCursor: rows.length > PAGE_SIZE && last ? writeCursor(last.createdAt.toISOString(), last.id) : null,
    atStart: !after,
  };
}

const RUN_ROW = {
  id: true,
  functionId: true,
  eventId: true,
  eventName: true,
  status: true,
  attempt: true,
  maxAttempts: true,
  error: true,
  durationMs: true,
  createdAt: true,
  finishedAt: true,
  /** A batch's events (0 for a run of one event). */
  _count: { select: { members: true } },
} as const;

export interface RunStats {
  queued: number;
  running: number;
  failed: number;
  completedLastHour: number;
  /** Runs waiting for a retry after a failed attempt. */
  retrying: number;
}

export async function getRunStats({ actor }: { actor: Actor }): Promise<RunStats> {
  authorize(actor, "jobs.read");
  // Unfinished runs are few (the index on status serves them); finished ones are counted for an hour only.
  const [row] = await db.$queryRaw<RunStats[]>`
    SELECT
      count(*) FILTER (WHERE "status" = 'QUEUED')::int AS "queued",
      count(*) FILTER (WHERE "status" = 'RUNNING')::int AS "running",
      count(*) FILTER (WHERE "status" = 'QUEUED' AND "attempt" > 0)::int AS "retrying",
      (SELECT count(*) FROM "BackgroundRun" WHERE "status" = 'FAILED')::int AS "failed",
      (SELECT count(*) FROM "BackgroundRun" WHERE "status" = 'COMPLETED'
         AND "createdAt" > now() - interval '1 hour')::int AS "completedLastHour"
    FROM "BackgroundRun" WHERE "status" IN ('QUEUED', 'RUNNING')`;
  return row;
}

/**
 * Queues a failed run again. Its finished steps stay remembered (they are not redone); the steps
 * that failed for good are forgotten, so they are tried again with a fresh set of retries. The
 * new job replaces whatever job the run's key still names (none, or one the queue gave up on).
 */
export async function retryRun({ actor, id }: { actor: Actor; id: string }) {
  authorize(actor, "jobs.retry");
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "No run with this id.");
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`
    WITH retried AS (
      UPDATE "BackgroundRun" r SET "status" = 'QUEUED', "attempt" = 0, "finishedAt" = NULL,
        "steps" = COALESCE((SELECT jsonb_object_agg(k, v) FROM jsonb_each(r."steps") AS s(k, v) WHERE NOT (v ? 'error')), '{}'),
        "stack" = ARRAY(SELECT h FROM unnest(r."stack") AS h WHERE NOT COALESCE(r."steps" -> h ? 'error', false)),
        "updatedAt" = now()
      WHERE r."id" = ${id}::uuid AND r."status" = 'FAILED'
      RETURNING r."id", r."functionId")
    SELECT count(graphile_worker.add_job("functionId", json_build_object('runId', "id"),
      job_key => "id"::text, job_key_mode => 'replace', max_attempts => ${MAX_JOB_ATTEMPTS}::int))::int AS n FROM retried`;
  if (n === 0) throw new AppError("conflict", "Only a failed run can be retried.");
}
