// Starts what the integration tests talk to: a fresh embedded PostgreSQL (new data directory,
// random port), migrated with the project's own migration command, and the production Next.js
// server on a random port. SKIP_BUILD=1 reuses an existing `.next` build (`npm test` builds once
// before the suites; set it yourself while iterating).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/lib/database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    inngestSigningKey: string;
  }
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

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "../..");
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
    // The server's own outbox sweep would race the relay tests for the same rows; they drive the
    // relay themselves (and test the in-process sweep in the test process).
    OUTBOX_RELAY_INTERVAL_MS: "0",
    // Production-like Inngest: cloud mode, requests to /api/inngest must be signed with this key.
    INNGEST_SIGNING_KEY: `signkey-test-${randomBytes(32).toString("hex")}`,
  };
  const bin = (name: string) => path.join(root, "node_modules/.bin", name);
  run(bin("tsx"), [path.join(root, "scripts/db/migrate.ts"), "deploy"], env);
  if (!process.env.SKIP_BUILD || !existsSync(path.join(root, ".next/BUILD_ID"))) run(bin("next"), ["build"], env);

  const server = spawn(bin("next"), ["start", "-p", String(appPort), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForHealth(baseUrl, server);
  project.provide("baseUrl", baseUrl);
  project.provide("databaseUrl", database.url);
  project.provide("inngestSigningKey", env.INNGEST_SIGNING_KEY);

  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once("exit", r)));
    await database.stop();
    rmSync(tmp, { recursive: true, force: true });
  };
}
