// Starts what the integration and end-to-end suites talk to: a fresh embedded PostgreSQL (new data
// directory, random port), migrated with the project's own migration command, and the production
// Next.js server on a random port. SKIP_BUILD=1 reuses an existing `.next` build (`npm test` builds
// once before the suites; set it yourself while iterating).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../../scripts/lib/database.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface AppServer {
  baseUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

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

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { env, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed with ${result.status}`);
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("The app did not become healthy in time");
}

/** `env` adds to (or overrides) the server's environment, e.g. a suite's Inngest settings. */
export async function startAppServer(options: { env?: Record<string, string> } = {}): Promise<AppServer> {
  const tmp = mkdtempSync(path.join(tmpdir(), "delivery-test-"));
  chmodSync(tmp, 0o755); // the embedded server runs as the `postgres` user when we are root
  const database = await startEmbeddedPostgres({
    dir: path.join(tmp, "pg"),
    port: await freePort(),
    database: "delivery_test",
    persistent: false,
  });
  const appPort = await freePort();
  const baseUrl = `http://127.0.0.1:${appPort}`;
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_URL: baseUrl,
    PORT: String(appPort),
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);
  run(bin("tsx"), [path.join(ROOT, "scripts/db/migrate.ts"), "deploy"], env);
  if (!process.env.SKIP_BUILD || !existsSync(path.join(ROOT, ".next/BUILD_ID"))) run(bin("next"), ["build"], env);

  const server = spawn(bin("next"), ["start", "-p", String(appPort), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForHealth(baseUrl, server);

  return {
    baseUrl,
    databaseUrl: database.url,
    async stop() {
      server.kill("SIGTERM");
      await new Promise((r) => (server.exitCode !== null ? r(null) : server.once("exit", r)));
      await database.stop();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
