// The embedded executor's contract with the Inngest SDK (pinned version): real functions of a test
// app run through the SDK's execution protocol in this process, against the real database. If an
// SDK upgrade changes the protocol, these fail.
import { createHash } from "node:crypto";
import { Inngest, NonRetriableError } from "inngest";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedExecutor } from "@/lib/background/embedded/executor";
import pg from "pg";
import { inject } from "vitest";
import { retryRun } from "@/lib/background/list-runs";
import { enqueueRuns } from "@/lib/background/runs";
import { db } from "@/lib/db";
import { hurryRetries } from "./background-support";

const app = new Inngest({ id: `executor-test-${Date.now()}` });
const calls: Record<string, number> = {};
const count = (key: string) => (calls[key] = (calls[key] ?? 0) + 1);
let failB = 2;
let running = 0;
let maxRunning = 0;

const threeSteps = app.createFunction(
  { id: "three-steps", triggers: [{ event: "test/three" }], retries: 3 },
  async ({ event, step }) => {
    const a = await step.run("a", () => (count(`a:${event.id}`), "A"));
    const b = await step.run("b", () => {
      count(`b:${event.id}`);
      if (failB-- > 0) throw new Error("b is flaky");
      return "B";
    });
    const c = await step.run("c", () => (count(`c:${event.id}`), `${a}${b}C`));
    return { c };
  },
);

const giveUp = app.createFunction(
  { id: "give-up", triggers: [{ event: "test/give-up" }], retries: 5 },
  async ({ step }) => {
    await step.run("first", () => count("give-up:first"));
    throw new NonRetriableError("not worth retrying");
  },
);

const sleeper = app.createFunction(
  { id: "sleeper", triggers: [{ event: "test/sleep" }], retries: 0 },
  async ({ step }) => {
    await step.sleep("nap", "1h");
  },
);

const slow = app.createFunction({ id: "slow", triggers: [{ event: "test/slow" }], retries: 0 }, async ({ step }) =>
  step.run("work", async () => {
    maxRunning = Math.max(maxRunning, ++running);
    await new Promise((r) => setTimeout(r, 100));
    running--;
  }),
);

const order: string[] = [];
const plain = app.createFunction(
  { id: "plain", triggers: [{ event: "test/plain" }], retries: 0 },
  async ({ event, step }) => step.run("note", () => void order.push(`plain:${event.id}`)),
);
const urgent = app.createFunction(
  { id: "urgent", triggers: [{ event: "test/urgent" }], retries: 0, priority: { run: "60" } },
  async ({ event, step }) => step.run("note", () => void order.push(`urgent:${event.id}`)),
);

/** Each batch the batched function was given, and how many of a group ran at once. */
const batches: { group: string; ids: string[] }[] = [];
const runningByGroup: Record<string, number> = {};
const maxByGroup: Record<string, number> = {};
const batched = app.createFunction(
  {
    id: "batched",
    triggers: [{ event: "test/batched" }],
    retries: 0,
    batchEvents: { maxSize: 5, timeout: "1s", key: "event.data.group" },
    concurrency: { key: "event.data.group", limit: 1 },
  },
  async ({ events, step }) =>
    step.run("take", async () => {
      const group = String(events[0].data.group);
      batches.push({ group, ids: events.map((e) => e.id!) });
      maxByGroup[group] = Math.max(maxByGroup[group] ?? 0, (runningByGroup[group] = (runningByGroup[group] ?? 0) + 1));
      await new Promise((r) => setTimeout(r, 150));
      runningByGroup[group]--;
      return events.length;
    }),
);

const pgPool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 4 });
pgPool.on("error", () => {});
afterAll(() => pgPool.end());

let executor: EmbeddedExecutor | undefined;
async function start(concurrency = 4) {
  executor = new EmbeddedExecutor({
    appId: app.id,
    functions: [threeSteps, giveUp, sleeper, slow, plain, urgent, batched],
    pgPool,
    concurrency,
    leaseMs: 1_000,
    pollMs: 50,
  });
  await executor.start();
  return executor;
}
afterEach(async () => {
  await executor?.stop(1_000);
  executor = undefined;
});

let stopHurrying: () => Promise<void>;
beforeAll(async () => {
  stopHurrying = await hurryRetries(inject("databaseUrl"));
});
afterAll(() => stopHurrying());

const sha1 = (id: string) => createHash("sha1").update(id).digest("hex");
const event = (name: string) => ({ id: crypto.randomUUID(), name, data: {}, ts: Date.now() });

async function settled(eventId: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await db.backgroundRun.findFirst({ where: { eventId } });
    if (run && (run.status === "COMPLETED" || run.status === "FAILED")) return run;
    if (Date.now() > deadline) throw new Error(`run of ${eventId} did not settle: ${JSON.stringify(run)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("the embedded executor", () => {
  it("gives a batched function its events in batches per key, each event once, growing while they wait", async () => {
    const ex = await start();
    const group = (g: string) => ({ ...event("test/batched"), data: { group: g } });
    const groupName = `a-${Date.now()}`;
    const a = Array.from({ length: 12 }, () => group(groupName));
    const b = Array.from({ length: 3 }, () => group("b"));
    const groupA = String(a[0].data.group);
    for (const e of a) await ex.send([e]);
    // Handed over again, alone and together: no event joins a second batch.
    await Promise.all([ex.send(b), ex.send(a.slice(0, 4)), ex.send([...b, a[11]])]);
    const all = [...a, ...b];
    const deadline = Date.now() + 15_000;
    for (;;) {
      const taken = batches.flatMap((x) => x.ids).filter((id) => all.some((e) => e.id === id));
      if (taken.length >= all.length) break;
      if (Date.now() > deadline) throw new Error(`batches: ${JSON.stringify(batches)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    await new Promise((r) => setTimeout(r, 300)); // nothing more comes
    const mine = batches.filter((x) => x.ids.some((id) => all.some((e) => e.id === id)));
    const ids = mine.flatMap((x) => x.ids);
    expect(ids.sort()).toEqual(all.map((e) => e.id).sort());
    for (const x of mine) {
      expect(x.ids.length).toBeLessThanOrEqual(5);
      const groups = new Set(x.ids.map((id) => String(all.find((e) => e.id === id)!.data.group)));
      expect([...groups]).toEqual([x.group]);
    }
    // While one batch of a group ran, the group's next one filled up: 12 events, at most 4 batches.
    expect(mine.filter((x) => x.group === groupA).length).toBeLessThanOrEqual(4);
    expect(maxByGroup[groupA]).toBe(1);
    const runs = await db.backgroundRun.findMany({
      where: { members: { some: { eventId: { in: all.map((e) => e.id) } } } },
      include: { _count: { select: { members: true } } },
    });
    expect(runs.every((r) => r.status === "COMPLETED")).toBe(true);
    expect(runs.reduce((n, r) => n + r._count.members, 0)).toBe(all.length);
    expect(runs.map((r) => (r.events as unknown[]).length).reduce((x, y) => x + y, 0)).toBe(all.length);
  });

  it("runs each step once, retries a failing step with backoff and remembers finished steps", async () => {
    failB = 2;
    const e = event("test/three");
    await (await start()).send([e]);
    const run = await settled(e.id);
    expect(run).toMatchObject({ status: "COMPLETED", output: { c: "ABC" }, maxAttempts: 4, error: null });
    expect([calls[`a:${e.id}`], calls[`b:${e.id}`], calls[`c:${e.id}`]]).toEqual([1, 3, 1]);
    expect(run.stack).toHaveLength(3);
    expect(run.durationMs).toBeGreaterThanOrEqual(20 + 40); // two backoffs
  });

  it("makes one run per function and event, however often the event is handed over", async () => {
    const e = event("test/three");
    failB = 0;
    const ex = await start();
    await Promise.all([ex.send([e]), ex.send([e]), ex.send([e])]);
    await settled(e.id);
    expect(await db.backgroundRun.count({ where: { eventId: e.id } })).toBe(1);
    expect(calls[`c:${e.id}`]).toBe(1);
  });

  it("fails a run at once on NonRetriableError, and a retry does not redo its finished steps", async () => {
    const e = event("test/give-up");
    const before = calls["give-up:first"] ?? 0;
    await (await start()).send([e]);
    const run = await settled(e.id);
    expect(run).toMatchObject({ status: "FAILED", error: "NonRetriableError: not worth retrying", attempt: 0 });
    expect(calls["give-up:first"]).toBe(before + 1);

    const admin = {
      kind: "USER" as const,
      id: crypto.randomUUID(),
      role: "ADMIN" as const,
      partnerId: null,
      email: "a@x",
    };
    await retryRun({ actor: admin, id: run.id });
    await new Promise((r) => setTimeout(r, 50));
    const again = await settled(e.id);
    expect(again.status).toBe("FAILED");
    expect(calls["give-up:first"]).toBe(before + 1); // remembered, not repeated
    const partner = { ...admin, role: "PARTNER" as const, partnerId: crypto.randomUUID() };
    await expect(retryRun({ actor: partner, id: run.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("fails a run that uses an op it cannot run, saying which", async () => {
    const e = event("test/sleep");
    await (await start()).send([e]);
    expect(await settled(e.id)).toMatchObject({
      status: "FAILED",
      error: 'The embedded executor does not run "Sleep" steps',
    });
  });

  it("runs no more at once than its concurrency", async () => {
    maxRunning = 0;
    const events = Array.from({ length: 8 }, () => event("test/slow"));
    await (await start(2)).send(events);
    for (const e of events) await settled(e.id);
    expect(maxRunning).toBe(2);
  });

  it("runs a function with priority ahead of runs queued before it", async () => {
    const queued = Array.from({ length: 5 }, () => event("test/plain"));
    const first = event("test/urgent");
    const ex = await start(1);
    await ex.stop(1_000); // queue without running: all six wait, the urgent one last
    await ex.send(queued);
    await new Promise((r) => setTimeout(r, 20));
    await ex.send([first]);
    order.length = 0;
    await start(1);
    for (const e of [...queued, first]) await settled(e.id);
    expect(order[0]).toBe(`urgent:${first.id}`);
    expect(order).toHaveLength(6);
  });

  it("leaves runs of functions it does not have to the instances that have them", async () => {
    const e = event("test/unknown");
    const job = { priority: 0, queueName: null, maxJobAttempts: 25 };
    await enqueueRuns([{ functionId: "another-app-fn", maxAttempts: 1, event: e, ...job }]);
    await start();
    await new Promise((r) => setTimeout(r, 300));
    const run = await db.backgroundRun.findFirstOrThrow({ where: { eventId: e.id } });
    expect(run).toMatchObject({ status: "QUEUED", startedAt: null });
    await pgPool.query("SELECT graphile_worker.remove_job($1)", [run.id]);
    await db.backgroundRun.deleteMany({ where: { eventId: e.id } });
  });

  it("resumes the runs of a process that stopped being seen (killed), after the last stored step", async () => {
    failB = 0;
    const e = event("test/three");
    const functionId = `${app.id}-three-steps`;
    const job = { priority: 0, queueName: null, maxJobAttempts: 25 };
    await enqueueRuns([{ functionId, maxAttempts: 4, event: e, ...job }]);
    const run = await db.backgroundRun.findFirstOrThrow({ where: { eventId: e.id } });
    // A process that took the job, finished step "a" and was killed: its lock would hold for hours.
    await db.backgroundRun.update({
      where: { id: run.id },
      data: { status: "RUNNING", steps: { [sha1("a")]: { data: "A" } }, stack: [sha1("a")] },
    });
    await pgPool.query(
      `UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'worker-killed' WHERE key = $1`,
      [run.id],
    );
    await db.backgroundWorkerPool.create({
      data: { id: crypto.randomUUID(), workerIds: ["worker-killed"], seenAt: new Date(Date.now() - 60_000) },
    });
    await start();
    expect(await settled(e.id)).toMatchObject({ status: "COMPLETED", output: { c: "ABC" } });
    expect(calls[`a:${e.id}`]).toBeUndefined(); // remembered from the killed process
    expect(calls[`c:${e.id}`]).toBe(1);
  });
});
