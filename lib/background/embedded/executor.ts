// The embedded executor: the app's Inngest functions run in process on graphile-worker's queue, one
// job per run, called through the SDK's own protocol with finished steps kept in PostgreSQL so a
// retried or restarted job resumes after its last step. What it supports: docs/background.md.
import { EventEmitter } from "node:events";
import { randomUUID } from "node:crypto";
import { parseCronItems, run, runMigrations, type JobHelpers, type Runner, type TaskList } from "graphile-worker";
import type { InngestFunction } from "inngest";
import type pg from "pg";
import { z } from "zod";
import {
  enqueueBatch,
  enqueueRuns,
  finishRun,
  loadRun,
  MAX_JOB_ATTEMPTS,
  markRunning,
  recordFailedAttempt,
  saveSteps,
  scheduledRun,
  type JobSpec,
  type LoadedRun,
  type NewBatch,
  type NewRun,
  type RunEvent,
} from "@/lib/background/runs";
import { freeDeadPools, notePool, releasePool } from "@/lib/background/worker-pools";
import { createFunctionCaller, errorText } from "@/lib/background/embedded/call-function";
import { graphileLogger, log } from "@/lib/background/embedded/logger";
import { evaluate, priorityFactor, understood } from "@/lib/background/embedded/expressions";
import { inBackgroundRunSpan } from "@/lib/observability/trace";

type AnyFunction = InngestFunction.Any;

/** The relay adds the outbox row's W3C trace context to each event; the run keeps it in its event. */
type TracedEvent = RunEvent & { traceparent?: string };

export interface ExecutorOptions {
  appId: string;
  functions: AnyFunction[];
  pgPool: pg.Pool;
  concurrency: number;
  /** How often future jobs (retries) are looked for; new ones arrive by LISTEN/NOTIFY. */
  pollMs: number;
  /** A process not seen for this long is presumed dead; its jobs are freed for others. */
  leaseMs: number;
}

/** Inngest's default when a function does not say. */
const DEFAULT_RETRIES = 3;

interface Trigger {
  event?: string;
  cron?: string;
}

const jobPayload = z.union([
  z.object({ runId: z.uuid() }),
  z.object({ _cron: z.object({ ts: z.string() }).loose() }).loose(),
]);

export class EmbeddedExecutor {
  private readonly byId = new Map<string, AnyFunction>();
  private readonly call: ReturnType<typeof createFunctionCaller>;
  private readonly poolId = randomUUID();
  private readonly workerIds: string[] = [];
  private runner: Runner | null = null;
  private starting: Promise<void> | null = null;
  private heartbeat: NodeJS.Timeout | undefined;
  private migrated: Promise<void> | null = null;
  private active = 0;
  /** The relay hands each row's trace context on (lib/background/relay.ts). */
  readonly takesTraceparent = true;

  constructor(readonly options: ExecutorOptions) {
    for (const fn of options.functions) this.byId.set(fn.id(options.appId), fn);
    this.call = createFunctionCaller(options.appId, options.functions);
  }

  private triggers(fn: AnyFunction): Trigger[] {
    return ((fn.opts as { triggers?: Trigger[] }).triggers ?? []).filter(Boolean);
  }

  private maxAttempts(fn: AnyFunction): number {
    return ((fn.opts as { retries?: number }).retries ?? DEFAULT_RETRIES) + 1;
  }

  private functionOptions(fn: AnyFunction) {
    return fn.opts as {
      priority?: { run?: string };
      concurrency?: number | { limit?: number; key?: string } | { limit?: number; key?: string }[];
      batchEvents?: { maxSize: number; timeout: string; key?: string };
    };
  }

  /**
   * How the queue holds a function's runs. Inngest's `priority.run` moves a run that many seconds
   * ahead of (or, negative, behind) the function's queue; graphile-worker runs lower priorities
   * first, strictly and across functions, which is the same order as long as the factors are only
   * used to let bulk work yield. `concurrency: { limit: 1 }` becomes a serial queue per function,
   * or per value of its `key`, so one partner's (or one import's) backlog is its own queue. A
   * batch is keyed by its first event, as Inngest does.
   */
  private jobSpec(functionId: string, fn: AnyFunction, event?: RunEvent): JobSpec {
    const opts = this.functionOptions(fn);
    const seconds = priorityFactor(opts.priority?.run, event);
    const c = [opts.concurrency ?? []].flat()[0];
    const limit = typeof c === "number" ? c : c?.limit;
    const key = typeof c === "object" && c.key ? evaluate(c.key, event) : undefined;
    let queueName: string | null = null;
    if (limit === 1) queueName = key === undefined ? functionId : `${functionId}:${String(key ?? "")}`;
    return { priority: -seconds, queueName, maxJobAttempts: MAX_JOB_ATTEMPTS };
  }

  /** graphile-worker's schema, migrated once per process (it does nothing when up to date). */
  migrate(): Promise<void> {
    return (this.migrated ??= runMigrations({ pgPool: this.options.pgPool, logger: graphileLogger }));
  }

  /**
   * The relay's sender: one run per (function, event), or for a batched function the events join
   * batches per batch key. Nothing is executed on the caller's time.
   */
  async send(events: RunEvent[]): Promise<void> {
    await this.migrate();
    const runs: NewRun[] = [];
    const batches = new Map<string, NewBatch>();
    for (const event of events) {
      for (const [functionId, fn] of this.byId) {
        if (!this.triggers(fn).some((t) => t.event === event.name)) continue;
        const batching = this.functionOptions(fn).batchEvents;
        if (!batching) {
          runs.push({ functionId, maxAttempts: this.maxAttempts(fn), event, ...this.jobSpec(functionId, fn, event) });
          continue;
        }
        const batchKey = String((batching.key && evaluate(batching.key, event)) ?? "");
        const group = `${functionId}\u0000${batchKey}`;
        let batch = batches.get(group);
        if (!batch) {
          const spec = this.jobSpec(functionId, fn, event);
          batch = {
            functionId,
            batchKey,
            maxSize: batching.maxSize,
            maxAttempts: this.maxAttempts(fn),
            events: [],
            ...spec,
          };
          batches.set(group, batch);
        }
        batch.events.push(event);
      }
    }
    await enqueueRuns(runs);
    for (const batch of batches.values()) await enqueueBatch(batch);
  }

  start(): Promise<void> {
    return (this.starting ??= this.boot());
  }

  /** True from the moment the queue's workers run until stop() (the readiness probe asks). */
  get started(): boolean {
    return this.runner !== null;
  }

  private async boot(): Promise<void> {
    await this.migrate();
    const taskList: TaskList = {};
    const cronItems = [];
    for (const [functionId, fn] of this.byId) {
      const opts = this.functionOptions(fn);
      const expressions = [opts.priority?.run, opts.batchEvents?.key, ...[opts.concurrency ?? []].flat()]
        .map((x) => (typeof x === "object" ? x.key : typeof x === "string" ? x : undefined))
        .filter((x) => !understood(x));
      if (expressions.length > 0)
        log("warn", "background: expressions not understood here (priority 0, one key)", { functionId, expressions });
      taskList[functionId] = (payload, helpers) => this.runJob(functionId, fn, payload, helpers);
      for (const { cron } of this.triggers(fn)) {
        if (!cron) continue;
        const spec = this.jobSpec(functionId, fn);
        cronItems.push({
          task: functionId,
          match: cron,
          identifier: `${functionId}@${cron}`,
          // A tick missed while no process ran is not made up (as Inngest does).
          options: {
            backfillPeriod: 0,
            maxAttempts: MAX_JOB_ATTEMPTS,
            priority: spec.priority,
            ...(spec.queueName ? { queueName: spec.queueName } : {}),
          },
        });
      }
    }
    const events = new EventEmitter();
    // Jobs are locked under a worker's id, or under the pool's when it fetches them for its workers.
    events.on("pool:create", ({ workerPool }: { workerPool: { id: string } }) => this.workerIds.push(workerPool.id));
    events.on("worker:create", ({ worker }: { worker: { workerId: string } }) => this.workerIds.push(worker.workerId));
    this.runner = await run({
      pgPool: this.options.pgPool,
      concurrency: this.options.concurrency,
      pollInterval: this.options.pollMs,
      noHandleSignals: true,
      // Runs still going this long after a stop are interrupted between two SDK calls.
      gracefulShutdownAbortTimeout: 1_000,
      logger: graphileLogger,
      events,
      taskList,
      parsedCronItems: parseCronItems(cronItems),
    });
    const beat = () =>
      notePool(this.poolId, this.workerIds)
        .then(() => freeDeadPools(this.poolId, this.options.leaseMs))
        .catch((error) => log("warn", "background: could not record this worker pool", { error: String(error) }));
    await beat();
    this.heartbeat = setInterval(beat, Math.max(250, this.options.leaseMs / 3));
    this.heartbeat.unref();
  }

  private async runJob(functionId: string, fn: AnyFunction, payload: unknown, helpers: JobHelpers): Promise<void> {
    const parsed = jobPayload.safeParse(payload);
    if (!parsed.success) {
      // Nothing to run and nothing to retry: the job is dropped, and said so once.
      log("error", "background: a job payload no longer parses; dropped", { functionId, jobId: helpers.job.id });
      return;
    }
    const run =
      "runId" in parsed.data
        ? await loadRun(parsed.data.runId as string)
        : await scheduledRun(functionId, this.maxAttempts(fn), String(parsed.data._cron.ts));
    if (!run || run.status === "COMPLETED" || run.status === "FAILED") return;
    this.active++;
    try {
      // A child of the request that wrote the event, or, for a batch (many parents), linked to each.
      const parents = ((run.events ?? [run.event]) as TracedEvent[]).map((e) => e?.traceparent);
      await inBackgroundRunSpan(functionId, { id: run.id, attempt: run.attempt, parents }, () =>
        this.execute(run, helpers),
      );
    } finally {
      this.active--;
    }
  }

  private async execute(run: LoadedRun, helpers: JobHelpers): Promise<void> {
    await markRunning(run);
    if (run.events?.length === 0) return finishRun(run, { output: { events: 0 } });
    const lastJobAttempt = helpers.job.attempts >= helpers.job.max_attempts;
    for (;;) {
      // Stopping: the job fails and is retried later (here or elsewhere), after the last stored step.
      if (helpers.abortSignal.aborted) throw new Error("interrupted by a shutdown");
      const outcome = await this.call(run.functionId, run).catch((error: unknown) => ({
        kind: "error" as const,
        error: errorText(error),
        retry: run.attempt + 1 < run.maxAttempts,
      }));
      switch (outcome.kind) {
        case "steps":
          await saveSteps(run, outcome.steps);
          continue;
        case "step-error":
        case "error": {
          const retry = outcome.kind === "step-error" || outcome.retry;
          if (retry && !lastJobAttempt) {
            await recordFailedAttempt(run, run.attempt + 1, outcome.error);
            throw new Error(outcome.error); // the queue retries it, with its backoff
          }
          log("warn", "background: run failed", { runId: run.id, functionId: run.functionId, error: outcome.error });
          return finishRun(run, { error: outcome.error });
        }
        case "done":
          return finishRun(run, { output: outcome.output });
        case "unsupported":
          return finishRun(run, { error: `The embedded executor does not run "${outcome.op}" steps` });
      }
    }
  }

  /**
   * Stops taking work, waits up to `graceMs` for runs in progress, then interrupts the rest
   * (their finished steps are stored; another process, or the next start, resumes them).
   */
  async stop(graceMs: number): Promise<void> {
    const starting = this.starting;
    if (!starting) return;
    this.starting = null;
    await starting.catch(() => {});
    clearInterval(this.heartbeat);
    const runner = this.runner;
    this.runner = null;
    if (!runner) return;
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), graceMs).unref());
    const stopped = runner.stop().catch(() => {});
    if ((await Promise.race([stopped, timeout])) === "timeout") await runner.kill().catch(() => {});
    await releasePool(this.poolId, this.workerIds).catch(() => {});
  }

  /** Runs in progress in this process (the admin page and tests). */
  get running(): number {
    return this.active;
  }
}
