// The embedded executor's state in PostgreSQL (DESIGN §7): one BackgroundRun row per function and
// event, claimed with a lease (SKIP LOCKED, so any number of instances share the work), each
// finished step's result written as soon as it is known. Every write of a claim names its lease
// token: a process whose lease ran out (it stalled, another took over) changes nothing any more.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface RunEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
}

/** A finished step as the SDK expects it back: its data, or its final error. */
export type StepResult = { data: unknown } | { error: unknown };

export interface ClaimedRun {
  id: string;
  functionId: string;
  event: RunEvent;
  attempt: number;
  maxAttempts: number;
  steps: Record<string, StepResult>;
  stack: string[];
  startedAt: Date;
  leaseToken: string;
}

export interface NewRun {
  functionId: string;
  maxAttempts: number;
  event: RunEvent;
  /** Moves the run this many seconds ahead in the queue (Inngest's `priority.run`). */
  prioritySeconds?: number;
}

/** Adds runs; a run that exists for the same function and event is left alone (exactly once). */
export async function enqueueRuns(runs: NewRun[]): Promise<number> {
  if (runs.length === 0) return 0;
  const { count } = await db.backgroundRun.createMany({
    data: runs.map((r) => ({
      functionId: r.functionId,
      eventId: r.event.id,
      eventName: r.event.name,
      event: r.event as unknown as Prisma.InputJsonValue,
      maxAttempts: r.maxAttempts,
      nextRunAt: new Date(Date.now() - (r.prioritySeconds ?? 0) * 1000),
    })),
    skipDuplicates: true,
  });
  return count;
}

/**
 * Takes up to `limit` due runs whose lease is free, for `leaseMs`; only runs of `functionIds`
 * (the functions this process has: an older or newer version never fails a run it cannot run).
 */
export async function claimRuns(limit: number, leaseMs: number, functionIds: string[]): Promise<ClaimedRun[]> {
  if (limit <= 0) return [];
  const token = randomUUID();
  const rows = await db.$queryRaw<Omit<ClaimedRun, "leaseToken">[]>`
    UPDATE "BackgroundRun" SET "status" = 'RUNNING', "leaseToken" = ${token}::uuid,
      "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000}),
      "startedAt" = COALESCE("startedAt", now()), "updatedAt" = now()
    WHERE "id" IN (
      SELECT "id" FROM "BackgroundRun"
      WHERE "status" IN ('QUEUED', 'RUNNING') AND "nextRunAt" <= now()
        AND ("leaseUntil" IS NULL OR "leaseUntil" < now()) AND "functionId" = ANY(${functionIds}::text[])
      ORDER BY "nextRunAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "functionId", "event", "attempt", "maxAttempts", "steps", "stack", "startedAt"`;
  return rows.map((r) => ({ ...r, leaseToken: token }));
}

/** Extends the lease while a step is running; false when the lease was lost. */
export async function renewLease(run: ClaimedRun, leaseMs: number): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE "BackgroundRun" SET "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000})
    WHERE "id" = ${run.id}::uuid AND "leaseToken" = ${run.leaseToken}::uuid AND "status" = 'RUNNING'`;
  return n === 1;
}

/** Remembers a finished step (and resets the attempt count for the next one). */
export async function saveStep(run: ClaimedRun, stepId: string, result: StepResult, leaseMs: number) {
  const n = await db.$executeRaw`
    UPDATE "BackgroundRun" SET
      "steps" = "steps" || jsonb_build_object(${stepId}::text, ${JSON.stringify(result)}::jsonb),
      "stack" = array_append("stack", ${stepId}::text), "attempt" = 0, "error" = NULL,
      "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000}), "updatedAt" = now()
    WHERE "id" = ${run.id}::uuid AND "leaseToken" = ${run.leaseToken}::uuid AND "status" = 'RUNNING'`;
  if (n !== 1) return false;
  run.steps[stepId] = result;
  run.stack.push(stepId);
  run.attempt = 0;
  return true;
}

/** Gives the run back to be tried again after `delayMs`, as attempt `attempt` (error: why, if it failed). */
export async function retryRunLater(run: ClaimedRun, attempt: number, delayMs: number, error: string | null) {
  await db.$executeRaw`
    UPDATE "BackgroundRun" SET "status" = 'QUEUED', "attempt" = ${attempt},
      "error" = COALESCE(${error?.slice(0, 2000) ?? null}, "error"),
      "nextRunAt" = now() + make_interval(secs => ${delayMs / 1000}),
      "leaseUntil" = NULL, "leaseToken" = NULL, "updatedAt" = now()
    WHERE "id" = ${run.id}::uuid AND "leaseToken" = ${run.leaseToken}::uuid`;
}

export async function finishRun(run: ClaimedRun, outcome: { output: unknown } | { error: string }) {
  const failed = "error" in outcome;
  await db.$executeRaw`
    UPDATE "BackgroundRun" SET "status" = ${failed ? "FAILED" : "COMPLETED"}::"BackgroundRunStatus",
      "output" = ${failed ? null : JSON.stringify(outcome.output ?? null)}::jsonb,
      "error" = ${failed ? outcome.error.slice(0, 2000) : null},
      "finishedAt" = now(), "durationMs" = ${Math.round(Date.now() - run.startedAt.getTime())},
      "leaseUntil" = NULL, "leaseToken" = NULL, "updatedAt" = now()
    WHERE "id" = ${run.id}::uuid AND "leaseToken" = ${run.leaseToken}::uuid`;
}

/** Lets other instances take these runs at once (an orderly shutdown that could not finish them). */
export async function releaseRuns(runs: ClaimedRun[]) {
  for (const run of runs) {
    await db.$executeRaw`
      UPDATE "BackgroundRun" SET "leaseUntil" = NULL, "leaseToken" = NULL, "updatedAt" = now()
      WHERE "id" = ${run.id}::uuid AND "leaseToken" = ${run.leaseToken}::uuid`;
  }
}

/**
 * Enqueues one scheduled run per tick of a cron function. The advisory lock lets one instance at
 * a time do it; the unique (function, event id) makes a tick's run exist once whatever happens.
 */
export async function enqueueScheduledRun(run: NewRun): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`
      SELECT pg_try_advisory_xact_lock(hashtext(${`cron:${run.functionId}`})) AS "locked"`;
    if (!locked) return false;
    const { count } = await tx.backgroundRun.createMany({
      data: [
        {
          functionId: run.functionId,
          eventId: run.event.id,
          eventName: run.event.name,
          event: run.event as unknown as Prisma.InputJsonValue,
          maxAttempts: run.maxAttempts,
        },
      ],
      skipDuplicates: true,
    });
    return count === 1;
  });
}
