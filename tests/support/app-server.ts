// What the integration and end-to-end suites talk to: a fresh, migrated embedded PostgreSQL and the
// production server (scripts/server.mjs) on random ports, output captured. SKIP_BUILD=1 reuses an
// existing `.next` build (`npm test` builds once before the suites).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type Database } from "../../scripts/lib/database.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const root = ROOT;
export const bin = (name: string) => path.join(root, "node_modules/.bin", name);

/** The suite calls far faster than people do; tests of the limits start a server with low ones. */
export const RAISED_RATE_LIMITS = {
  RATE_LIMIT_API_PER_CALLER: "1000000",
  RATE_LIMIT_API_PER_PARTNER: "1000000",
  RATE_LIMIT_SIGNIN_PER_CLIENT: "1000000",
  RATE_LIMIT_SIGNIN_PER_EMAIL: "1000000",
  RATE_LIMIT_SIGNIN_PER_IP: "1000000",
  RATE_LIMIT_TRACKING_PER_CLIENT: "1000000",
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * Inngest's cloud endpoints pointed at a closed loopback port: tests never reach outside this
 * machine, even when a test makes the SDK register or send (it fails fast instead). These do not
 * configure an Inngest server, so servers started with them use the embedded executor unless a
 * test configures Inngest (see INNGEST_UNREACHABLE).
 */
export const NO_OUTSIDE_INNGEST = {
  INNGEST_API_BASE_URL: "http://127.0.0.1:9",
  INNGEST_EVENT_API_BASE_URL: "http://127.0.0.1:9",
};

/** An Inngest server configured but down: the relay's sends fail fast, nothing runs. */
export const INNGEST_UNREACHABLE = { INNGEST_BASE_URL: "http://127.0.0.1:9", INNGEST_DEV: "1" };

export function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed with ${result.status}`);
}

export interface TempDatabase extends Database {
  port: number;
  dir: string;
  /** Starts the server again on the same data directory and port (after stop()). */
  start(): Promise<void>;
  /** Stops the server and deletes its data. */
  destroy(): Promise<void>;
}

/** A fresh embedded PostgreSQL with the project's migrations applied. */
export async function startTempDatabase(name: string): Promise<TempDatabase> {
  const tmp = mkdtempSync(path.join(tmpdir(), `delivery-${name}-`));
  chmodSync(tmp, 0o755); // the embedded server runs as the `postgres` user when we are root
  const port = await freePort();
  const options = { dir: path.join(tmp, "pg"), port, database: name.replaceAll("-", "_") };
  let current = await startEmbeddedPostgres(options);
  run(bin("tsx"), [path.join(root, "scripts/db/migrate.ts"), "deploy"], { ...process.env, DATABASE_URL: current.url });
  const handle: TempDatabase = {
    url: current.url,
    embedded: true,
    port,
    dir: options.dir,
    stop: () => current.stop(),
    start: async () => {
      current = await startEmbeddedPostgres(options);
    },
    destroy: async () => {
      await current.stop().catch(() => {});
      rmSync(tmp, { recursive: true, force: true });
    },
  };
  return handle;
}

export interface RunningApp {
  url: string;
  child: ChildProcess;
  /** Everything the server printed so far (stdout and stderr). */
  logs(): string;
  /** Sends the signal and resolves with the exit code once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("The app did not become healthy in time");
}

/** Waits until a server's output contains `line`; fails with everything it printed after `timeoutMs`. */
export async function waitForLine(logs: () => string, line: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!logs().includes(line)) {
    if (Date.now() > deadline) throw new Error(`The server never printed "${line}"; it printed:\n${logs()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The production server on a free port over `databaseUrl`, with the suite's raised limits.
 * `echo` copies its stderr (errors) to ours, where a failing test can be read next to them.
 */
export async function startApp(options: {
  databaseUrl: string;
  env?: Record<string, string>;
  echo?: boolean;
  /** A port of the caller's (a restart behind a load balancer); a free one otherwise. */
  port?: number;
}): Promise<RunningApp> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      ...RAISED_RATE_LIMITS,
      ...NO_OUTSIDE_INNGEST,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_URL: url,
      PORT: String(port),
      HOST: "127.0.0.1",
      // One process per test server keeps start-up and memory in check; the suites' shared server
      // (startAppServer) runs the production default, one worker per core.
      WEB_CONCURRENCY: "1",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (options.echo) process.stderr.write(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const server: RunningApp = {
    url,
    child,
    logs: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  try {
    await waitForHealth(url, child);
  } catch (error) {
    await server.stop("SIGKILL");
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return server;
}

export interface AppServer {
  baseUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/** A fresh database and the server over it; `env` adds to (or overrides) the server's environment. */
export async function startAppServer(options: { env?: Record<string, string> } = {}): Promise<AppServer> {
  const database = await startTempDatabase("delivery-test");
  if (!process.env.SKIP_BUILD || !existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    run(bin("next"), ["build"], { ...process.env, NODE_ENV: "production" });
  }
  const app = await startApp({
    databaseUrl: database.url,
    env: { WEB_CONCURRENCY: "auto", ...options.env },
    echo: true,
  });
  return {
    baseUrl: app.url,
    databaseUrl: database.url,
    async stop() {
      await app.stop();
      await database.destroy();
    },
  };
}
