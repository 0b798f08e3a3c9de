// `npm run bench [-- --rows 1000000 --duration 15 --connections 32 --quick --cpu-prof --no-build]`
// Builds the production server, starts it on a fresh embedded PostgreSQL (or DATABASE_URL, which
// must be a scratch database: it is migrated and seeded), seeds in bulk, drives every scenario
// with autocannon, measures the database ceiling through pg, and writes bench/results/latest.*.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { startEmbeddedPostgres } from "../scripts/lib/database.ts";
import { NO_OUTSIDE_INNGEST } from "../tests/support/app-server.ts";
import { captureListQuery, createCeiling, drive, uniqueRef } from "./ceiling";
import { summariseProfiles } from "./profile";
import { machine, printTable, write, type Results, type Scenario } from "./report";
import { cannon, createPayload, sample, scenarios } from "./scenarios";
import { seed } from "./seed";

const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    rows: { type: "string" },
    duration: { type: "string" },
    connections: { type: "string", default: "32" },
    quick: { type: "boolean", default: false },
    "cpu-prof": { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
  },
});
const quick = args.quick!;
const rows = Number(args.rows ?? (quick ? 10_000 : 100_000));
const seconds = Number(args.duration ?? (quick ? 3 : 15));
const connections = Number(args.connections);
const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);
const resultsDir = path.join(root, "bench/results");
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

/** Peak resident memory of one process: sampled VmRSS and the kernel's own high-water mark. */
function rssWatcher(pid: number) {
  let peak = 0;
  const read = (field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  const timer = setInterval(() => (peak = Math.max(peak, read("VmRSS"))), 250);
  return { stop: () => (clearInterval(timer), (peak = Math.max(peak, read("VmHWM"))), Math.round(peak / 1024)) };
}

async function main() {
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
      });
  // Kept after the run (git-ignored) for a closer look, e.g. in Chrome DevTools.
  const profileDir = path.join(resultsDir, "profiles");
  rmSync(profileDir, { recursive: true, force: true });
  try {
    run(path.join(root, "node_modules/.bin/tsx"), ["scripts/db/migrate.ts", "deploy"], {
      ...process.env,
      DATABASE_URL: database.url,
    });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const version = (await client.query("SHOW server_version")).rows[0].server_version as string;
    log(`seeding ${rows.toLocaleString("en")} deliveries`);
    const seedStart = performance.now();
    const seeded = await seed(client, rows);
    const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;
    const data = await sample(client, seeded);
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
    const machineInfo = machine(version);
    const all = scenarios(seeded, data);
    log("warm-up");
    await cannon(url, 8, quick ? 2 : 5, all["mixed (20% create, 70% read, 10% cancel)"]);

    const results: (Scenario & { total: number })[] = [];
    for (const [name, next] of Object.entries(all)) {
      log(`${name}: ${connections} connections, ${seconds} s`);
      results.push({ name, ...(await cannon(url, connections, seconds, next)) });
    }
    const peakRssMb = rss.stop();
    server.kill("SIGTERM");
    await exited;

    log("database ceiling through pg");
    const pool = new pg.Pool({ connectionString: database.url, max: connections });
    const ceiling: (Scenario & { total: number })[] = [];
    const ceilingCreate = createCeiling(pool, seeded.partners, (n) => createPayload(`${uniqueRef()}-${n}`));
    ceiling.push({ name: "ceiling: create transaction (pg)", ...(await drive(connections, seconds, ceilingCreate)) });
    const p = seeded.partners[0];
    const list = await captureListQuery(database.url, {
      kind: "API_KEY",
      id: p.keyId,
      role: "API_KEY",
      partnerId: p.id,
    });
    ceiling.push({
      name: "ceiling: list first page (pg)",
      ...(await drive(connections, seconds, async () => void (await pool.query(list.text, list.values)))),
    });
    await pool.end();

    const byName = (n: string) => [...results, ...ceiling].find((s) => s.name === n)!.requestsPerSec;
    const ratio = (api: string, db: string) => Math.round((byName(api) / byName(db)) * 100) / 100;
    const report: Results = {
      machine: {
        ...machineInfo,
        loadAverageAtEnd: os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(" "),
      },
      settings: { rows, connections, durationSeconds: seconds, poolSize },
      scenarios: [...results, ...ceiling].map(({ total: _total, ...s }) => s),
      ratios: {
        create: ratio("create (unique)", "ceiling: create transaction (pg)"),
        list: ratio("list: first page", "ceiling: list first page (pg)"),
      },
      peakRssMb,
      seedSeconds,
      ...(args["cpu-prof"] ? { profile: summariseProfiles(profileDir) } : {}),
    };
    printTable(report);
    if (report.profile) console.log(report.profile.join("\n"));
    mkdirSync(resultsDir, { recursive: true });
    write(resultsDir, report);
    log(`wrote ${path.relative(root, resultsDir)}/latest.json and latest.md`);
  } finally {
    await database.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
