// Cluster mode of scripts/server.mjs: WEB_CONCURRENCY workers share the port, every one of them
// serves, background work runs in BACKGROUND_WORKERS of them (one here, so the others' outbox kicks
// go through the primary), and SIGTERM drains each before exit 0.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processTicks, processTree } from "../../bench/proc";
import { createWorld, slowCreate, type World } from "./support";
import { startApp, waitForLine, type RunningApp } from "../support/app-server";

/** The worker processes of the primary (Linux /proc); they start no processes of their own. */
const workerPids = (pid: number) => processTree(pid).slice(1);

let app: RunningApp;
let world: World;
beforeAll(async () => {
  world = await createWorld();
  app = await startApp({
    databaseUrl: process.env.DATABASE_URL!,
    env: { WEB_CONCURRENCY: "2", BACKGROUND_WORKERS: "1" },
  });
}, 180_000);
afterAll(() => app?.stop("SIGKILL"));

describe("WEB_CONCURRENCY=2", () => {
  it("starts two workers that both serve, with background work in one of them", async () => {
    const pids = workerPids(app.child.pid!);
    expect(pids).toHaveLength(2);
    const before = pids.map(processTicks);
    // New connections are handed to the workers in turn.
    for (let i = 0; i < 60; i++) {
      const res = await fetch(`${app.url}/api/v1/deliveries`, {
        headers: { authorization: `Bearer ${world.partnerA.apiKey}`, connection: "close" },
      });
      expect(res.status).toBe(200);
    }
    const used = pids.map((pid, i) => processTicks(pid) - before[i]);
    for (const ticks of used) expect(ticks).toBeGreaterThan(0);
    expect(app.logs()).toMatch(/Ready on http:\/\/127\.0\.0\.1:\d+ \(2 workers\)/);
    expect(app.logs().match(/Background work: embedded executor/g)).toHaveLength(1);
    expect(app.logs().match(/Background work: off in this process/g)).toHaveLength(1);
  });

  it("drains the requests in flight in both workers on SIGTERM, then exits 0", { timeout: 60_000 }, async () => {
    const pids = workerPids(app.child.pid!);
    const creates = [slowCreate(app.url, world.partnerA.apiKey), slowCreate(app.url, world.partnerA.apiKey)];
    await new Promise((r) => setTimeout(r, 300));
    const exit = app.stop("SIGTERM");
    await waitForLine(app.logs, "SIGTERM: draining in-flight requests (2 workers stopped accepting)");
    await new Promise((r) => setTimeout(r, 200));
    const refused = await fetch(`${app.url}/api/health`).then(
      () => false,
      () => true,
    );
    expect(refused).toBe(true);
    for (const c of creates) c.sendRest();
    expect((await Promise.all(creates.map((c) => c.answer))).map((a) => a.status)).toEqual([201, 201]);
    expect(await exit).toBe(0);
    expect(app.logs()).toMatch(/Stopped cleanly/);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  });
});
