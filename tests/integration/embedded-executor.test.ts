// The embedded executor's contract with the Inngest SDK (pinned version): real functions of a test
// app run through the SDK's execution protocol in this process, against the real database. If an
// SDK upgrade changes the protocol, these fail.
import { Inngest, NonRetriableError } from "inngest";
import { afterEach, describe, expect, it } from "vitest";
import { EmbeddedExecutor } from "@/inngest/embedded/executor";
import { claimRuns, finishRun, saveStep } from "@/lib/background/runs";
import { retryRun } from "@/lib/background/list-runs";
import { db } from "@/lib/db";

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

let executor: EmbeddedExecutor | undefined;
function start(concurrency = 4) {
  executor = new EmbeddedExecutor({
    appId: app.id,
    functions: [threeSteps, giveUp, sleeper, slow, plain, urgent],
    concurrency,
    retryBaseMs: 20,
    leaseMs: 1_000,
    pollMs: 50,
  });
  executor.start();
  return executor;
}
afterEach(async () => {
  await executor?.stop(1_000);
  executor = undefined;
});

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
  it("runs each step once, retries a failing step with backoff and remembers finished steps", async () => {
    failB = 2;
    const e = event("test/three");
    await start().send([e]);
    const run = await settled(e.id);
    expect(run).toMatchObject({ status: "COMPLETED", output: { c: "ABC" }, maxAttempts: 4, error: null });
    expect([calls[`a:${e.id}`], calls[`b:${e.id}`], calls[`c:${e.id}`]]).toEqual([1, 3, 1]);
    expect(run.stack).toHaveLength(3);
    expect(run.durationMs).toBeGreaterThanOrEqual(20 + 40); // two backoffs
  });

  it("makes one run per function and event, however often the event is handed over", async () => {
    const e = event("test/three");
    failB = 0;
    const ex = start();
    await Promise.all([ex.send([e]), ex.send([e]), ex.send([e])]);
    await settled(e.id);
    expect(await db.backgroundRun.count({ where: { eventId: e.id } })).toBe(1);
    expect(calls[`c:${e.id}`]).toBe(1);
  });

  it("fails a run at once on NonRetriableError, and a retry does not redo its finished steps", async () => {
    const e = event("test/give-up");
    const before = calls["give-up:first"] ?? 0;
    await start().send([e]);
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
    await start().send([e]);
    expect(await settled(e.id)).toMatchObject({
      status: "FAILED",
      error: 'The embedded executor does not run "Sleep" steps',
    });
  });

  it("runs no more at once than its concurrency", async () => {
    maxRunning = 0;
    const events = Array.from({ length: 8 }, () => event("test/slow"));
    await start(2).send(events);
    for (const e of events) await settled(e.id);
    expect(maxRunning).toBe(2);
  });

  it("runs a function with priority ahead of runs queued before it", async () => {
    const queued = Array.from({ length: 5 }, () => event("test/plain"));
    const first = event("test/urgent");
    const ex = start(1);
    await ex.stop(1_000); // queue without running: all six wait, the urgent one last
    await ex.send(queued);
    await new Promise((r) => setTimeout(r, 20));
    await ex.send([first]);
    order.length = 0;
    start(1);
    for (const e of [...queued, first]) await settled(e.id);
    expect(order[0]).toBe(`urgent:${first.id}`);
    expect(order).toHaveLength(6);
  });

  it("leaves runs of functions it does not have to the instances that have them", async () => {
    const e = event("test/unknown");
    await db.backgroundRun.create({
      data: { functionId: "another-app-fn", eventId: e.id, eventName: e.name, event: e, maxAttempts: 1 },
    });
    start();
    await new Promise((r) => setTimeout(r, 300));
    expect(await db.backgroundRun.findFirstOrThrow({ where: { eventId: e.id } })).toMatchObject({
      status: "QUEUED",
      startedAt: null,
    });
    await db.backgroundRun.deleteMany({ where: { eventId: e.id } });
  });

  it("ignores the writes of a claim whose lease another instance took over", async () => {
    const e = event("test/three");
    await db.backgroundRun.create({
      data: { functionId: `${app.id}-three-steps`, eventId: e.id, eventName: e.name, event: e, maxAttempts: 4 },
    });
    const [stale] = await claimRuns(100, 1_000, [`${app.id}-three-steps`]).then((runs) =>
      runs.filter((r) => r.event.id === e.id),
    );
    await db.backgroundRun.update({ where: { id: stale.id }, data: { leaseUntil: new Date(Date.now() - 1) } });
    const [fresh] = await claimRuns(100, 60_000, [`${app.id}-three-steps`]).then((runs) =>
      runs.filter((r) => r.event.id === e.id),
    );
    expect(fresh.leaseToken).not.toBe(stale.leaseToken);
    expect(await saveStep(stale, "x", { data: 1 }, 1_000)).toBe(false);
    await finishRun(stale, { output: "stale" });
    const row = await db.backgroundRun.findUniqueOrThrow({ where: { id: stale.id } });
    expect(row).toMatchObject({ status: "RUNNING", steps: {}, output: null });
    await finishRun(fresh, { output: "fresh" });
    expect(await db.backgroundRun.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({
      status: "COMPLETED",
      output: "fresh",
    });
  });
});
