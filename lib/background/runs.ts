// The embedded executor's record of each run: one BackgroundRun row per function and event (or per
// batch of events, for a batched function), each finished step written as soon as it is known. A
// run and its graphile-worker job are written together, so neither exists without the other.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { backgroundRunEvents, backgroundRuns } from "@/lib/observability/metrics";

export interface RunEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
}

/** A finished step as the SDK expects it back: its data, or its final error. */
export type StepResult = { data: unknown } | { error: unknown };

export interface LoadedRun {
  id: string;
  functionId: string;
  event: RunEvent;
  /** A batched function's events (`event` is the first); null for a run of one event. */
  events: RunEvent[] | null;
  status: "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED";
  attempt: number;
  maxAttempts: number;
  steps: Record<string, StepResult>;
  stack: string[];
  startedAt: Date | null;
}

/**
 * Job attempts per run: the SDK counts attempts per step (a finished step resets them), the queue
 * per job; this bounds a run whatever its step count. The last one fails the run.
 */
export const MAX_JOB_ATTEMPTS = 25;

/** How graphile-worker should queue a run (derived from the function's Inngest options). */
export interface JobSpec {
  /** Lower runs first (Inngest's `priority.run`, negated). */
  priority: number;
  /** Jobs of one queue run one at a time (Inngest's `concurrency: { limit: 1 }`, optionally keyed). */
  queueName: string | null;
  /** graphile-worker attempts; past the last one the run is failed, whatever the SDK says. */
  maxJobAttempts: number;
}

export interface NewRun extends JobSpec {
  functionId: string;
  maxAttempts: number;
  event: RunEvent;
}

/**
 * Adds runs and their jobs. A run that exists for the same function and event is left alone, and
 * the job key (the run id) keeps one job per run even if the same run is queued again.
 */
export async function enqueueRuns(runs: NewRun[]): Promise<number> {
  if (runs.length === 0) return 0;
  const rows = runs.map((r) => ({
    functionId: r.functionId,
    eventId: r.event.id,
    eventName: r.event.name,
    event: r.event,
    maxAttempts: r.maxAttempts,
    priority: r.priority,
    queueName: r.queueName,
    maxJobAttempts: r.maxJobAttempts,
  }));
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
        "functionId" text, "eventId" text, "eventName" text, "event" jsonb, "maxAttempts" int,
        "priority" int, "queueName" text, "maxJobAttempts" int)),
    added AS (
      INSERT INTO "BackgroundRun" ("id", "functionId", "eventId", "eventName", "event", "maxAttempts", "updatedAt")
      SELECT gen_random_uuid(), "functionId", "eventId", "eventName", "event", "maxAttempts", now() FROM input
      ON CONFLICT ("functionId", "eventId") DO NOTHING
      RETURNING "id", "functionId", "eventId")
    SELECT count(graphile_worker.add_job(a."functionId", json_build_object('runId', a."id"),
      queue_name => i."queueName", max_attempts => i."maxJobAttempts", job_key => a."id"::text,
      job_key_mode => 'unsafe_dedupe', priority => i."priority"))::int AS n
    FROM added a JOIN input i USING ("functionId", "eventId")`;
  return n;
}

/** The run a job stands for, or null if it is gone (pruned, or never existed). */
export async function loadRun(id: string): Promise<LoadedRun | null> {
  const row = await db.backgroundRun.findUnique({
    where: { id },
    select: {
      id: true,
      functionId: true,
      event: true,
      events: true,
      status: true,
      attempt: true,
      maxAttempts: true,
      steps: true,
      stack: true,
      startedAt: true,
    },
  });
  return row ? ({ ...row, event: row.event as unknown as RunEvent } as unknown as LoadedRun) : null;
}

export interface NewBatch extends JobSpec {
  functionId: string;
  maxAttempts: number;
  /** The function's `batchEvents.key`, evaluated on these events. */
  batchKey: string;
  maxSize: number;
  events: RunEvent[];
}

/**
 * Adds a batched function's events to batches: first to the batch of its key that has not started
 * (while it waits for a worker it takes up to `maxSize` events, so batches grow with the backlog),
 * then to new ones. An event is in one batch per function whatever the relay sends again: the
 * (function, event) row is written first and an event whose row exists is left out.
 */
export async function enqueueBatch(batch: NewBatch): Promise<void> {
  const { functionId, batchKey, maxSize } = batch;
  await db.$transaction(async (tx) => {
    const join = async (runId: string, events: RunEvent[]) => {
      const taken = await tx.$queryRaw<{ eventId: string }[]>`
        INSERT INTO "BackgroundRunEvent" ("functionId", "eventId", "runId")
        SELECT ${functionId}, x, ${runId}::uuid FROM unnest(${events.map((e) => e.id)}::text[]) AS x
        ON CONFLICT DO NOTHING RETURNING "eventId"`;
      const ids = new Set(taken.map((t) => t.eventId));
      return events.filter((e) => ids.has(e.id));
    };
    let pending = batch.events;
    const [open] = await tx.$queryRaw<{ id: string; n: number }[]>`
      SELECT "id", jsonb_array_length("events")::int AS n FROM "BackgroundRun"
      WHERE "functionId" = ${functionId} AND "batchKey" = ${batchKey} AND "startedAt" IS NULL
        AND "status" = 'QUEUED'
      ORDER BY "createdAt" DESC LIMIT 1
      FOR UPDATE SKIP LOCKED`;
    if (open && open.n < maxSize) {
      const joined = await join(open.id, pending.slice(0, maxSize - open.n));
      pending = pending.slice(maxSize - open.n);
      if (joined.length > 0) {
        await tx.$executeRaw`
          UPDATE "BackgroundRun" SET "events" = "events" || ${JSON.stringify(joined)}::jsonb, "updatedAt" = now()
          WHERE "id" = ${open.id}::uuid`;
      }
    }
    for (let i = 0; i < pending.length; i += maxSize) {
      const id = randomUUID();
      const chunk = pending.slice(i, i + maxSize);
      const first = chunk[0];
      // Named after its first event once the events have joined (one of them may be a duplicate).
      await tx.$executeRaw`
        INSERT INTO "BackgroundRun" ("id", "functionId", "eventId", "eventName", "event", "events",
          "batchKey", "maxAttempts", "updatedAt")
        VALUES (${id}::uuid, ${functionId}, ${`batch:${id}`}, ${first.name}, ${JSON.stringify(first)}::jsonb, '[]',
          ${batchKey}, ${batch.maxAttempts}, now())`;
      const joined = await join(id, chunk);
      if (joined.length === 0) {
        await tx.$executeRaw`DELETE FROM "BackgroundRun" WHERE "id" = ${id}::uuid`;
        continue;
      }
      await tx.$executeRaw`
        UPDATE "BackgroundRun" SET "events" = ${JSON.stringify(joined)}::jsonb,
          "eventId" = ${joined[0].id}, "eventName" = ${joined[0].name}, "event" = ${JSON.stringify(joined[0])}::jsonb
        WHERE "id" = ${id}::uuid`;
      await tx.$queryRaw`
        SELECT graphile_worker.add_job(${functionId}, json_build_object('runId', ${id}::text),
          queue_name => ${batch.queueName}::text, max_attempts => ${batch.maxJobAttempts}::int,
          job_key => ${id}::text, job_key_mode => 'unsafe_dedupe', priority => ${batch.priority}::int)::text`;
    }
  });
}

/** A scheduled run of a cron function for one tick: created by the tick's job, once. */
export async function scheduledRun(functionId: string, maxAttempts: number, tick: string): Promise<LoadedRun> {
  const event: RunEvent = {
    id: `cron:${functionId}:${tick}`,
    name: "inngest/scheduled.timer",
    data: {},
    ts: Date.now(),
  };
  const row = await db.backgroundRun.upsert({
    where: { functionId_eventId: { functionId, eventId: event.id } },
    create: {
      functionId,
      eventId: event.id,
      eventName: event.name,
      event: event as unknown as Prisma.InputJsonValue,
      maxAttempts,
    },
    update: {},
    select: { id: true },
  });
  return (await loadRun(row.id))!;
}

/**
 * From here on the run is started: a batch takes no more events (they are read back here, after
 * the row lock that joining takes, so none that joined is missed).
 */
export async function markRunning(run: LoadedRun) {
  const row = await db.backgroundRun.update({
    where: { id: run.id },
    data: { status: "RUNNING", startedAt: run.startedAt ?? new Date() },
    select: { startedAt: true, events: true },
  });
  run.startedAt = row.startedAt;
  run.events = row.events as unknown as RunEvent[] | null;
}

/** Remembers the steps that finished in one call (and resets the attempt count for the next one). */
export async function saveSteps(run: LoadedRun, steps: { id: string; result: StepResult }[]) {
  if (steps.length === 0) return;
  for (const step of steps) {
    run.steps[step.id] = step.result;
    run.stack.push(step.id);
  }
  run.attempt = 0;
  await db.backgroundRun.update({
    where: { id: run.id },
    data: { steps: run.steps as Prisma.InputJsonValue, stack: run.stack, attempt: 0, error: null },
  });
}

/** Notes a failed attempt that the queue will retry (as attempt `attempt`). */
export async function recordFailedAttempt(run: LoadedRun, attempt: number, error: string) {
  run.attempt = attempt;
  backgroundRuns.inc({ function: run.functionId, outcome: "retried" });
  await db.backgroundRun.update({
    where: { id: run.id },
    data: { status: "QUEUED", attempt, error: error.slice(0, 2000) },
  });
}

export async function finishRun(run: LoadedRun, outcome: { output: unknown } | { error: string }) {
  const failed = "error" in outcome;
  const labels = { function: run.functionId, outcome: failed ? "failed" : "completed" };
  backgroundRuns.inc(labels);
  backgroundRunEvents.inc(labels, run.events?.length ?? 1);
  await db.backgroundRun.update({
    where: { id: run.id },
    data: {
      status: failed ? "FAILED" : "COMPLETED",
      output: failed ? Prisma.DbNull : ((outcome.output ?? Prisma.JsonNull) as Prisma.InputJsonValue),
      error: failed ? outcome.error.slice(0, 2000) : null,
      finishedAt: new Date(),
      durationMs: Math.round(Date.now() - (run.startedAt ?? new Date()).getTime()),
    },
  });
}
