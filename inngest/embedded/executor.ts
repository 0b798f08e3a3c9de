// The embedded executor (DESIGN §7): runs the app's Inngest functions in the app process when no
// Inngest server is configured. The outbox relay hands it each event (send() turns an event into
// one run per function it triggers, stored in PostgreSQL); workers then call the functions through
// the SDK's protocol (call-function.ts), remembering each finished step, so a retry or a restart
// resumes after the last finished step. Semantics kept from Inngest: per-function retries with
// exponential backoff, NonRetriableError, steps memoised, bounded concurrency (per process, and
// per function where the function sets `concurrency.limit`), cron triggers firing once per tick
// across instances. Not supported (the run fails, saying so): step.sleep, step.waitForEvent,
// parallel steps, step.invoke; no function here uses them.
import { Cron } from "croner";
import type { InngestFunction } from "inngest";
import {
  claimRuns,
  enqueueRuns,
  enqueueScheduledRun,
  finishRun,
  releaseRuns,
  renewLease,
  retryRunLater,
  saveStep,
  type ClaimedRun,
  type NewRun,
  type RunEvent,
} from "@/lib/background/runs";
import { createFunctionCaller, errorText } from "@/inngest/embedded/call-function";

type AnyFunction = InngestFunction.Any;

export interface ExecutorOptions {
  appId: string;
  functions: AnyFunction[];
  concurrency: number;
  retryBaseMs: number;
  leaseMs: number;
  pollMs: number;
}

const MAX_BACKOFF_MS = 10 * 60 * 1000;
/** Inngest's default when a function does not say. */
const DEFAULT_RETRIES = 3;

interface Trigger {
  event?: string;
  cron?: string;
}

const log = (level: "info" | "warn" | "error", msg: string, fields: Record<string, unknown> = {}) =>
  console[level](JSON.stringify({ level, msg, ...fields }));

export class EmbeddedExecutor {
  private readonly byId = new Map<string, AnyFunction>();
  private readonly call: ReturnType<typeof createFunctionCaller>;
  private readonly active = new Map<string, { run: ClaimedRun; done: Promise<void> }>();
  private readonly crons: Cron[] = [];
  private poller: NodeJS.Timeout | undefined;
  private filling: Promise<void> | null = null;
  private fillAgain = false;
  private stopped = true;

  constructor(private readonly options: ExecutorOptions) {
    for (const fn of options.functions) this.byId.set(fn.id(options.appId), fn);
    this.call = createFunctionCaller(options.appId, options.functions);
  }

  private triggers(fn: AnyFunction): Trigger[] {
    return ((fn.opts as { triggers?: Trigger[] }).triggers ?? []).filter(Boolean);
  }

  private maxAttempts(fn: AnyFunction): number {
    return ((fn.opts as { retries?: number }).retries ?? DEFAULT_RETRIES) + 1;
  }

  /**
   * Inngest's `priority.run` moves a run up to that many seconds ahead of others in the queue; it
   * is an expression there, and here a plain number of seconds (anything else counts as 0).
   */
  private prioritySeconds(fn: AnyFunction): number {
    const run = (fn.opts as { priority?: { run?: string } }).priority?.run;
    return run && /^\d+$/.test(run.trim()) ? Number(run) : 0;
  }

  private concurrencyLimit(fn: AnyFunction): number | undefined {
    const c = (fn.opts as { concurrency?: number | { limit?: number } }).concurrency;
    return typeof c === "number" ? c : c?.limit;
  }

  /** The relay's sender: one run per (function, event); nothing is executed on the caller's time. */
  async send(events: RunEvent[]): Promise<void> {
    const runs: NewRun[] = [];
    for (const event of events) {
      for (const [functionId, fn] of this.byId) {
        if (this.triggers(fn).some((t) => t.event === event.name)) {
          runs.push({
            functionId,
            maxAttempts: this.maxAttempts(fn),
            event,
            prioritySeconds: this.prioritySeconds(fn),
          });
        }
      }
    }
    await enqueueRuns(runs);
    this.kick();
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.poller = setInterval(() => this.kick(), this.options.pollMs);
    this.poller.unref();
    for (const [functionId, fn] of this.byId) {
      for (const { cron } of this.triggers(fn)) {
        if (!cron) continue;
        this.crons.push(
          new Cron(cron, { timezone: "UTC", protect: true }, (self: Cron) => this.tick(functionId, fn, cron, self)),
        );
      }
    }
    this.kick();
  }

  private async tick(functionId: string, fn: AnyFunction, cron: string, job: Cron) {
    const at = (job.currentRun() ?? new Date()).toISOString();
    const id = `cron:${functionId}:${at}`;
    try {
      await enqueueScheduledRun({
        functionId,
        maxAttempts: this.maxAttempts(fn),
        event: { id, name: "inngest/scheduled.timer", data: { cron }, ts: Date.now() },
      });
      this.kick();
    } catch (error) {
      log("error", "background: could not schedule", { functionId, error: String(error) });
    }
  }

  /** Fills free slots with due runs. Never throws; calls during a fill fold into one more. */
  kick(): void {
    if (this.stopped || this.active.size >= this.options.concurrency) return;
    if (this.filling) {
      this.fillAgain = true;
      return;
    }
    const fill = this.fill();
    this.filling = fill;
    void fill.finally(() => {
      if (this.filling === fill) this.filling = null;
    });
  }

  private async fill(): Promise<void> {
    do {
      this.fillAgain = false;
      const free = this.options.concurrency - this.active.size;
      if (free <= 0) return;
      try {
        for (const run of await claimRuns(free, this.options.leaseMs, [...this.byId.keys()])) this.begin(run);
      } catch (error) {
        log("error", "background: could not claim runs", { error: String(error) });
        return;
      }
    } while (this.fillAgain && !this.stopped);
  }

  private begin(run: ClaimedRun) {
    const done = this.execute(run)
      .catch((error) => log("error", "background: run crashed", { runId: run.id, error: String(error) }))
      .finally(() => {
        this.active.delete(run.id);
        this.kick();
      });
    this.active.set(run.id, { run, done });
  }

  private backoff(attempt: number): number {
    return Math.min(MAX_BACKOFF_MS, this.options.retryBaseMs * 2 ** attempt);
  }

  private async execute(run: ClaimedRun): Promise<void> {
    const fn = this.byId.get(run.functionId);
    if (!fn) return finishRun(run, { error: `No function "${run.functionId}" in this app` });
    const limit = this.concurrencyLimit(fn);
    if (limit !== undefined) {
      const same = [...this.active.values()].filter((a) => a.run.functionId === run.functionId).length;
      if (same > limit) return retryRunLater(run, run.attempt, this.options.pollMs, null);
    }
    // A failed renewal (database down for a moment) must not crash the process: the next one may
    // succeed, and a lease that does run out only lets another instance resume the run.
    const heartbeat = setInterval(
      () => renewLease(run, this.options.leaseMs).catch(() => {}),
      this.options.leaseMs / 3,
    );
    heartbeat.unref();
    try {
      while (!this.stopped) {
        const outcome = await this.call(run.functionId, run).catch((error: unknown) => ({
          kind: "error" as const,
          error: errorText(error),
          retry: run.attempt + 1 < run.maxAttempts,
        }));
        switch (outcome.kind) {
          case "steps":
            for (const step of outcome.steps) {
              if (!(await saveStep(run, step.id, step.result, this.options.leaseMs))) return; // lease lost
            }
            continue;
          case "step-error":
            return retryRunLater(run, run.attempt + 1, this.backoff(run.attempt), outcome.error);
          case "done":
            return finishRun(run, { output: outcome.output });
          case "error":
            if (outcome.retry) return retryRunLater(run, run.attempt + 1, this.backoff(run.attempt), outcome.error);
            log("warn", "background: run failed", { runId: run.id, functionId: run.functionId, error: outcome.error });
            return finishRun(run, { error: outcome.error });
          case "unsupported":
            return finishRun(run, { error: `The embedded executor does not run "${outcome.op}" steps` });
        }
      }
      await releaseRuns([run]); // stopping: the next owner resumes after the last stored step
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * Stops taking work, waits up to `graceMs` for runs in progress, then hands the rest back (their
   * finished steps are stored; another instance, or the next start, resumes them).
   */
  async stop(graceMs: number): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.poller);
    for (const job of this.crons.splice(0)) job.stop();
    await this.filling;
    const pending = [...this.active.values()];
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), graceMs).unref());
    await Promise.race([Promise.all(pending.map((p) => p.done)), timeout]);
    await releaseRuns([...this.active.values()].map((a) => a.run)).catch(() => {});
  }

  /** Runs in progress in this process (the admin page and tests). */
  get running(): number {
    return this.active.size;
  }
}
