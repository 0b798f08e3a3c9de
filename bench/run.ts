// `npm run bench [-- --rows N --duration S --connections C --quick --cpu-prof --no-build --out <name>
//   --background embedded|unreachable]`: seeds a scratch database, drives every scenario with wrk,
// measures the database ceiling, and writes bench/results/<name>.{json,md,svg} (default latest).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { startEmbeddedPostgres } from "../scripts/lib/database.ts";
import { INNGEST_UNREACHABLE, NO_OUTSIDE_INNGEST } from "../tests/support/app-server.ts";
import { captureListQuery, createCeiling, drive, uniqueRef } from "./ceiling";
import { drainScenario, type DrainRun } from "./drain";
import { importScenario, type ImportRun } from "./import";
import { cpuMeter, localPostgres, parentOf, rssWatcher, type CpuSplit } from "./proc";
import { summariseProfiles } from "./profile";
import { machine, printTable, write } from "./report";
import type { Results, Scenario } from "./results";
import { createPayload, EXPECTED_NON_2XX, sample, scenarios } from "./scenarios";
import { liveScenario, type LiveRun } from "./live";
import { seed } from "./seed";
import { cannon, hasWrk, wrk } from "./wrk";

const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    rows: { type: "string" },
    duration: { type: "string" },
    connections: { type: "string", default: "32" },
    quick: { type: "boolean", default: false },
    "cpu-prof": { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    out: { type: "string" },
    background: { type: "string", default: "embedded" },
    only: { type: "string" },
    /** The live scenario: event streams open at once. */
    "live-streams": { type: "string", default: "500" },
    /** PostgreSQL's stock memory settings instead of the machine-sized ones (before/after). */
    "pg-defaults": { type: "boolean", default: false },
    /** The background drain scenario: creates per second, for --duration seconds. */
    "drain-rate": { type: "string", default: "100" },
  },
});
const quick = args.quick!;
const rows = Number(args.rows ?? (quick ? 10_000 : 100_000));
const seconds = Number(args.duration ?? (quick ? 3 : 15));
const connections = Number(args.connections);
const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);
const resultsDir = path.join(root, "bench/results");
// Only a full run replaces the committed results; a smoke run or a named one writes beside them.
const outName = args.out ?? (quick ? "quick" : "latest");
if (!/^[\w.-]+$/.test(outName)) throw new Error(`--out takes a plain file name, not ${outName}`);
if (!["embedded", "unreachable"].includes(args.background!))
  throw new Error("--background is embedded (the app's default: functions run in the server) or unreachable");
const log = (line: string) => console.log(`▸ ${line}`);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function run(command: string, argv: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(command, argv, { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${command} ${argv.join(" ")} failed`);
}

/** How often each index was used while the scenarios ran: the proof that an index earns its writes. */
async function indexUsage(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; scans: string }>(
      `SELECT relname || '.' || indexrelname AS name, idx_scan AS scans FROM pg_stat_user_indexes
       WHERE relname IN ('Delivery', 'DeliveryStatusEvent', 'OutboxEvent', 'ApiKey', 'RateLimit') ORDER BY 1`,
    );
    return Object.fromEntries(rows.map((r) => [r.name, Number(r.scans)]));
  } finally {
    await client.end();
  }
}

/**
 * Waits until the background work the previous scenario caused (each create's notifications, emails
 * and webhook) is done, so that each scenario is measured on its own: otherwise the side effects of
 * 3,000 creates would still be executing, on the same two cores, while the list scenario after them
 * ran. Returns the seconds waited, the runs and the events whose side effects finished meanwhile,
 * and the CPU that took (nothing else runs then): per event, the background's cost of a create.
 */
async function settle(
  databaseUrl: string,
  cpu: ReturnType<typeof cpuMeter>,
  limitSeconds = 300,
): Promise<{ seconds: number; runs: number; events: number; cpu: CpuSplit }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  const measuring = cpu.start();
  // Events whose every run has ended: a batch counts each of its events once.
  const finished = async () => {
    const { rows } = await client.query<{ runs: string; events: string }>(
      `SELECT (SELECT count(*) FROM "BackgroundRun" WHERE "status" IN ('COMPLETED', 'FAILED')) AS runs,
              (SELECT count(DISTINCT m."eventId") FROM "BackgroundRunEvent" m JOIN "BackgroundRun" r ON r."id" = m."runId"
               WHERE r."status" IN ('COMPLETED', 'FAILED')) AS events`,
    );
    return { runs: Number(rows[0].runs), events: Number(rows[0].events) };
  };
  const before = await finished();
  try {
    for (;;) {
      const { rows } = await client.query<{ backlog: string }>(
        `SELECT (SELECT count(*) FROM "OutboxEvent" WHERE "sentAt" IS NULL)
              + (SELECT count(*) FROM "BackgroundRun" WHERE "status" IN ('QUEUED', 'RUNNING')) AS backlog`,
      );
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      const done = Number(rows[0].backlog) === 0;
      if (!done && seconds > limitSeconds) log(`background backlog of ${rows[0].backlog} left after ${seconds} s`);
      if (done || seconds > limitSeconds) {
        const after = await finished();
        const events = after.events - before.events;
        return { seconds, runs: after.runs - before.runs, events, cpu: measuring(events) };
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await client.end();
  }
}

let serverFailure: string | undefined;

async function main() {
  const uptime = execFileSync("uptime", { encoding: "utf8" }).trim();
  log(`uptime: ${uptime}`);
  if (!args["no-build"] && !(quick && existsSync(path.join(root, ".next/BUILD_ID")))) {
    log("next build");
    run(path.join(root, "node_modules/.bin/next"), ["build"], { ...process.env, NODE_ENV: "production" });
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), "delivery-bench-"));
  chmodSync(tmp, 0o755);
  const database = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({
        dir: path.join(tmp, "pg"),
        port: await freePort(),
        database: "bench",
        persistent: false,
        log,
        tuned: !args["pg-defaults"],
      });
  // Kept after the run (git-ignored) for a closer look, e.g. in Chrome DevTools.
  const profileDir = path.join(resultsDir, "profiles");
  rmSync(profileDir, { recursive: true, force: true });
  const generator = hasWrk() ? "wrk" : "autocannon";
  const drivers = { wrk: (...a: Parameters<typeof cannon>) => wrk(...a, tmp), autocannon: cannon };
  try {
    run(path.join(root, "node_modules/.bin/tsx"), ["scripts/db/migrate.ts", "deploy"], {
      ...process.env,
      DATABASE_URL: database.url,
    });
    // The seed and the statistics (pg_stat_reset, VACUUM of every table) need the superuser; the
    // server under test connects as the app's own role, as in production.
    const client = new pg.Client({
      connectionString: "superuserUrl" in database ? database.superuserUrl : database.url,
    });
    await client.connect();
    const version = (await client.query("SHOW server_version")).rows[0].server_version as string;
    log(`seeding ${rows.toLocaleString("en")} deliveries`);
    const seedStart = performance.now();
    const seeded = await seed(client, rows);
    const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;
    const data = await sample(client, seeded);
    // PostgreSQL on this machine (embedded, or a local DATABASE_URL): its CPU is measured per scenario.
    const backend = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
    const postmaster = localPostgres(backend) ? parentOf(backend) : 0;
    await client.query("SELECT pg_stat_reset()");
    await client.end();
    log(`seeded in ${seedSeconds} s`);

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    mkdirSync(profileDir, { recursive: true });
    const node = [...(args["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []), "scripts/server.mjs"];
    const unlimited = "1000000000"; // the bench measures throughput, not the limiter's refusals
    const server = spawn(process.execPath, node, {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        ...NO_OUTSIDE_INNGEST,
        // unreachable: an Inngest server configured but down, so the relay pauses and no function runs
        ...(args.background === "unreachable" ? INNGEST_UNREACHABLE : {}),
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: database.url,
        PORT: String(port),
        HOST: "127.0.0.1",
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        APP_URL: url,
        DATABASE_POOL_SIZE: String(poolSize),
        RATE_LIMIT_API_PER_CALLER: unlimited,
        RATE_LIMIT_API_PER_PARTNER: unlimited,
        RATE_LIMIT_SIGNIN_PER_EMAIL: unlimited,
        RATE_LIMIT_SIGNIN_PER_IP: unlimited,
        // The drain scenario's webhook receiver listens on loopback.
        WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
      },
    });
    const exited = new Promise((r) => server.once("exit", r));
    for (
      let i = 0;
      !(await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    ) {
      if (i > 240 || server.exitCode !== null) throw new Error("the server did not start");
      await new Promise((r) => setTimeout(r, 250));
    }
    const rss = rssWatcher(server.pid!);
    const cpu = cpuMeter(server.pid!, postmaster);
    const machineInfo = { ...machine(version), uptimeAtStart: uptime };
    const all = scenarios(seeded, data);
    const only = args.only ? new RegExp(args.only) : null;
    const load = drivers[generator];
    log(`warm-up (${generator})`);
    await load(url, 8, quick ? 2 : 5, all["mixed (20% create, 70% read, 10% cancel)"]);

    // With Inngest unreachable nothing drains the outbox: there is no backlog to wait for.
    const settling = args.background !== "unreachable";
    const results: (Scenario & { total: number })[] = [];
    const drains: NonNullable<Results["backgroundDrains"]> = [];
    const drain = async (after: string) => {
      if (!settling) return;
      const { seconds: waited, runs, events, cpu: used } = await settle(database.url, cpu);
      if (waited < 1) return;
      log(
        `background work left by ${after}: ${events} events' side effects (${runs} runs) in ${waited} s (${Math.round(events / waited)} events/s); CPU per event: server ${used.serverMs} ms, pg ${used.postgresMs} ms`,
      );
      drains.push({ after, runs, events, seconds: waited, cpu: used });
    };
    let previous = "warm-up";
    for (const [name, next] of Object.entries(all)) {
      if (only && !only.test(name)) continue;
      await drain(previous);
      log(`${name}: ${connections} connections, ${seconds} s`);
      rss.window();
      const measuring = cpu.start();
      const measured = await load(url, connections, seconds, next);
      results.push({ name, ...measured, cpu: measuring(measured.total), peakRssMb: rss.window() });
      previous = name;
    }
    await drain(previous);
    // After the HTTP scenarios, so its background fan-out does not load theirs.
    let drainRun: DrainRun | "skipped" = "skipped";
    if (args.background !== "unreachable" && (!only || only.test("drain"))) {
      const rate = Number(args["drain-rate"]);
      log(`background drain: ${rate} creates/s for ${seconds} s, each followed to its webhook`);
      rss.window();
      drainRun = await drainScenario(
        url,
        database.url,
        seeded.partners.map((p) => p.key),
        { ratePerSec: rate, seconds },
      );
      const l = drainRun.commitToWebhookMs;
      log(
        `background drain: intake ${drainRun.intakePerSec}/s, drain ${drainRun.drainPerSec}/s, commit→webhook p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, peak RSS ${rss.window()} MB`,
      );
      await drain("background drain");
    }
    let bulkImport: ImportRun | "skipped" = "skipped";
    if (args.background !== "unreachable" && (!only || only.test("import"))) {
      log("import: 10,000 rows through the API, dry run, confirm, background creation");
      bulkImport = await importScenario(url, database.url, seeded.partners[0].key);
      log(
        `import: ${bulkImport.rowsPerSec} rows/s (${bulkImport.totalSeconds} s in all); every side effect done ${bulkImport.sideEffectsSeconds} s after the upload`,
      );
    }
    let live: LiveRun | "skipped" = "skipped";
    if (!only || only.test("live")) {
      const streams = Number(args["live-streams"]);
      log(`live streams: ${streams} open at once, one change fanned out to its partner's`);
      live = await liveScenario(
        url,
        server.pid!,
        seeded.partners.map((p) => p.key),
        streams,
      );
      log(
        `live streams: RSS ${live.rssBeforeMb} → ${live.rssOpenMb} MB (${live.kbPerStream} KB per stream), change heard by ${live.fanOutMs.heard}/${live.fanOutMs.expected} in p50 ${live.fanOutMs.p50} ms, max ${live.fanOutMs.max} ms; ${live.leftOpen} left open after the clients left`,
      );
    }
    const memory = rss.stop();
    const indexes = await indexUsage(database.url);
    server.kill("SIGTERM");
    const stopStarted = performance.now();
    const exitCode = await exited;
    const shutdownSeconds = Math.round((performance.now() - stopStarted) / 100) / 10;
    if (exitCode !== 0) serverFailure = `the server exited with ${String(exitCode)} on SIGTERM`;

    log("database ceiling through pg");
    const pool = new pg.Pool({ connectionString: database.url, max: connections });
    // pool.end() resolves before every socket has closed: one PostgreSQL then terminates (when the
    // bench stops it) must not crash the bench as an unhandled 'error' event.
    pool.on("error", () => {});
    const ceiling: (Scenario & { total: number })[] = [];
    // The server has stopped: "other" is this process driving pg.
    const measureCeiling = async (name: string, next: () => Promise<void>) => {
      const measuring = cpu.start();
      const measured = await drive(connections, seconds, next);
      ceiling.push({ name, ...measured, cpu: measuring(measured.total) });
    };
    const ceilingCreate = createCeiling(pool, seeded.partners, (n) => createPayload(`${uniqueRef()}-${n}`));
    await measureCeiling("ceiling: create transaction (pg)", ceilingCreate);
    const p = seeded.partners[0];
    const list = await captureListQuery(database.url, {
      kind: "API_KEY",
      id: p.keyId,
      role: "API_KEY",
      partnerId: p.id,
    });
    await measureCeiling(
      "ceiling: list first page (pg)",
      async () => void (await pool.query({ name: "ceiling_list", ...list })),
    );
    await measureCeiling("ceiling: SELECT 1 (pg)", async () => void (await pool.query("SELECT 1")));
    await pool.end();

    const byName = (n: string) => [...results, ...ceiling].find((s) => s.name === n)?.requestsPerSec ?? NaN;
    const ratio = (api: string, db: string) => Math.round((byName(api) / byName(db)) * 100) / 100;
    const report: Results = {
      machine: {
        ...machineInfo,
        loadAverageAtEnd: os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(" "),
      },
      settings: {
        rows,
        connections,
        durationSeconds: seconds,
        poolSize,
        loadGenerator: generator,
        workers: process.env.WEB_CONCURRENCY || "auto",
        background: args.background!,
        postgresMemory: process.env.DATABASE_URL ? "external" : args["pg-defaults"] ? "stock" : "machine-sized",
      },
      scenarios: [...results, ...ceiling].map(({ total: _total, ...s }) => s),
      ratios: {
        create: ratio("create (unique)", "ceiling: create transaction (pg)"),
        list: ratio("list: first page", "ceiling: list first page (pg)"),
        "create · 1 partner": ratio("create (unique) · 1 partner", "ceiling: create transaction (pg)"),
        "list · 1 partner": ratio("list: first page · 1 partner", "ceiling: list first page (pg)"),
      },
      backgroundDrains: drains,
      drain: drainRun,
      import: bulkImport,
      live,
      peakRssMb: memory.peakMb,
      serverShutdown: `${exitCode === 0 ? "clean" : `exit ${String(exitCode)}`} in ${shutdownSeconds} s`,
      serverProcesses: memory.processes,
      seedSeconds,
      indexScans: indexes,
      ...(args["cpu-prof"] ? { profile: summariseProfiles(profileDir) } : {}),
    };
    printTable(report, EXPECTED_NON_2XX);
    if (report.profile) console.log(report.profile.join("\n"));
    mkdirSync(resultsDir, { recursive: true });
    write(resultsDir, outName, report);
    log(`wrote ${path.relative(root, resultsDir)}/${outName}.{json,md,svg}`);
    // Results first, then the failure: a server that does not drain cleanly fails the bench.
    if (serverFailure) throw new Error(serverFailure);
  } finally {
    await database.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
