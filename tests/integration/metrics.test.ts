// Metrics and the access log with the real parts: the cluster-mode server (two workers) on its own
// database, scraped by Debian's Prometheus, whose HTTP API is asked for the numbers this test caused.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveryPayload, seedPartnerWithKey } from "./support";
import { freePort, startApp, startTempDatabase, type RunningApp, type TempDatabase } from "../support/app-server";

const PROMETHEUS = "/usr/bin/prometheus";
const PROMTOOL = "/usr/bin/promtool";
const METRICS_TOKEN = randomBytes(24).toString("base64url");
const CREATES = 12;

let database: TempDatabase;
let app: RunningApp;
let apiKey: string;
let prometheus: ChildProcess;
let prometheusUrl: string;
let prometheusOutput = "";
let tmp: string;

/** Polls `check` until it returns a value, or fails with what `describe()` says after `ms`. */
async function eventually<T>(check: () => Promise<T | undefined>, ms: number, describe: () => string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${ms} ms: ${describe()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** One instant query's single value (summed by the query), or undefined when it has no series yet. */
async function query(expr: string): Promise<number | undefined> {
  const res = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}`).catch(() => null);
  if (!res?.ok) return undefined;
  const body = (await res.json()) as { data: { result: { value: [number, string] }[] } };
  const [first] = body.data.result;
  return first ? Number(first.value[1]) : undefined;
}

interface AccessLine {
  msg: string;
  component: string;
  pid: number;
  requestId: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  actor?: string;
}

const accessLines = (): AccessLine[] =>
  app
    .logs()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as AccessLine)
    .filter((line) => line.component === "http" && line.msg === "request");

beforeAll(async () => {
  database = await startTempDatabase("metrics");
  apiKey = await seedPartnerWithKey(database.url, "metrics-partner");
  app = await startApp({
    databaseUrl: database.url,
    // TRUST_PROXY=1 lets the test speak as a client elsewhere (X-Forwarded-For) for the 401s.
    env: { WEB_CONCURRENCY: "2", METRICS_TOKEN, TRUST_PROXY: "1" },
  });
  tmp = mkdtempSync(path.join(tmpdir(), "delivery-prometheus-"));
  const target = new URL(app.url).host;
  writeFileSync(
    path.join(tmp, "prometheus.yml"),
    [
      "global:",
      "  scrape_interval: 1s",
      "  scrape_timeout: 1s",
      "scrape_configs:",
      "  - job_name: app",
      "    metrics_path: /api/metrics",
      "    static_configs:",
      `      - targets: ["${target}"]`,
    ].join("\n"),
  );
  const port = await freePort();
  prometheusUrl = `http://127.0.0.1:${port}`;
  prometheus = spawn(
    PROMETHEUS,
    [
      `--config.file=${path.join(tmp, "prometheus.yml")}`,
      `--storage.tsdb.path=${path.join(tmp, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  prometheus.stdout!.on("data", (d: Buffer) => (prometheusOutput += d.toString()));
  prometheus.stderr!.on("data", (d: Buffer) => (prometheusOutput += d.toString()));
  // Scraped successfully at least once.
  await eventually(
    async () => ((await query('up{job="app"}')) === 1 ? true : undefined),
    60_000,
    () => `Prometheus never scraped the app:\n${prometheusOutput.slice(-3000)}`,
  );
}, 240_000);

afterAll(async () => {
  prometheus?.kill("SIGKILL");
  await app?.stop("SIGKILL");
  await database?.destroy();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const createdSeries = 'sum(http_requests_total{method="POST",route="/api/v1/deliveries",status="201"})';

describe("metrics across both workers, scraped by Prometheus", () => {
  it("counts every create once, whichever worker served it, and logs one line each", { timeout: 90_000 }, async () => {
    const before = (await query(createdSeries)) ?? 0;
    const linesBefore = accessLines().length;
    const answers: { status: number; requestId: string | null }[] = [];
    for (let i = 0; i < CREATES; i++) {
      // A new connection each: the primary hands them to the workers in turn.
      const res = await fetch(`${app.url}/api/v1/deliveries`, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json", connection: "close" },
        body: JSON.stringify(deliveryPayload({ recipientName: "Ada Secretname", recipientEmail: "ada@private.test" })),
      });
      answers.push({ status: res.status, requestId: res.headers.get("x-request-id") });
      await res.text();
    }
    expect(answers.map((a) => a.status)).toEqual(Array(CREATES).fill(201));

    // The access log: one line per create, carrying the id each answer named.
    const lines = await eventually(
      async () => {
        const found = accessLines()
          .slice(linesBefore)
          .filter((l) => l.method === "POST" && l.route === "/api/v1/deliveries");
        return found.length >= CREATES ? found : undefined;
      },
      10_000,
      () => app.logs().slice(-3000),
    );
    expect(lines).toHaveLength(CREATES);
    expect(lines.map((l) => l.requestId).sort()).toEqual(answers.map((a) => a.requestId).sort());
    for (const line of lines) {
      expect(line).toMatchObject({ status: 201, actor: "api_key", level: "info" });
      expect(line.durationMs).toBeGreaterThan(0);
    }
    // Both workers served some of them.
    expect(new Set(lines.map((l) => l.pid)).size).toBe(2);
    // Nothing secret or personal anywhere in the output.
    expect(app.logs()).not.toContain(apiKey);
    expect(app.logs()).not.toContain("Secretname");
    expect(app.logs()).not.toContain("ada@private.test");

    // Prometheus, scraping whichever worker takes its connection, sees the sum over both.
    const after = await eventually(
      async () => {
        const value = await query(createdSeries);
        return value !== undefined && value >= before + CREATES ? value : undefined;
      },
      30_000,
      () => `the counter stayed below ${before + CREATES}`,
    );
    expect(after - before).toBe(CREATES);
  });

  it("logs pages and unknown paths by route template, never by the path sent", async () => {
    const code = `DLV-${randomBytes(6).toString("hex").toUpperCase()}`;
    const requestId = `probe-${randomBytes(4).toString("hex")}`;
    const linesBefore = accessLines().length;
    for (const path of [`/track/${code}`, `/no-such-page-${code}`, `/api/v1/nothing-${code}`]) {
      const res = await fetch(`${app.url}${path}`, { redirect: "manual", headers: { "x-request-id": requestId } });
      expect(res.headers.get("x-request-id")).toBe(requestId);
      await res.text();
    }
    const lines = await eventually(
      async () => {
        const found = accessLines()
          .slice(linesBefore)
          .filter((l) => l.requestId === requestId);
        return found.length >= 3 ? found : undefined;
      },
      10_000,
      () => app.logs().slice(-3000),
    );
    expect(lines.map((l) => l.route).sort()).toEqual(["(unmatched)", "/api/[...path]", "/track/[trackingCode]"]);
    const api = lines.find((l) => l.route === "/api/[...path]")!;
    expect(api).toMatchObject({ status: 404, actor: "public" });
    expect(JSON.stringify(lines)).not.toContain(code.slice(4));
  });

  it("counts the background runs the creates caused, by function and outcome", { timeout: 90_000 }, async () => {
    // Each create's event is taken once by the notifications function, in batches, in the background worker.
    const events = await eventually(
      async () => {
        const value = await query(
          'sum(background_run_events_total{function=~".*delivery-notifications",outcome="completed"})',
        );
        return value !== undefined && value >= CREATES ? value : undefined;
      },
      60_000,
      () => "the notification runs never took every event",
    );
    expect(events).toBe(CREATES);
    const runs = await query('sum(background_runs_total{function=~".*delivery-notifications",outcome="completed"})');
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(runs).toBeLessThanOrEqual(CREATES);
    // Everything drained: nothing waits in the queue or the outbox.
    const drained = await eventually(
      async () => {
        const depth = await query("background_queue_depth");
        const outbox = await query("outbox_pending_events");
        return depth === 0 && outbox === 0 ? true : undefined;
      },
      60_000,
      () => "the queue or the outbox never drained",
    );
    expect(drained).toBe(true);
    expect(await query("outbox_lag_seconds")).toBe(0);
  });
});

describe("GET /api/metrics", () => {
  it("passes promtool check metrics and carries no ids in any label", async () => {
    const res = await fetch(`${app.url}/api/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const check = spawnSync(PROMTOOL, ["check", "metrics"], { input: text, encoding: "utf8" });
    expect(`${check.stdout}${check.stderr}`).toBe("");
    expect(check.status).toBe(0);
    for (const name of [
      "http_request_duration_seconds_bucket",
      "background_queue_depth",
      "background_queue_oldest_waiting_seconds",
      "outbox_lag_seconds",
      "db_pool_connections_in_use",
      "db_pool_waiting_requests",
      "nodejs_eventloop_lag_seconds",
      "process_resident_memory_bytes",
    ]) {
      expect(text).toMatch(new RegExp(`^${name}[ {]`, "m"));
    }
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  });

  it("answers a caller elsewhere only with METRICS_TOKEN", async () => {
    const elsewhere = { "x-forwarded-for": "203.0.113.7" };
    for (const authorization of [undefined, `Bearer ${METRICS_TOKEN}x`, `Bearer ${apiKey}`, "Basic abc"]) {
      const res = await fetch(`${app.url}/api/metrics`, {
        headers: { ...elsewhere, ...(authorization ? { authorization } : {}) },
      });
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/METRICS_TOKEN/);
    }
    const allowed = await fetch(`${app.url}/api/metrics`, {
      headers: { ...elsewhere, authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toMatch(/^http_requests_total\{/m);
  });
});
