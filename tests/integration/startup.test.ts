// Start-up failures: `npm start` (scripts/run.ts) and the server it runs end non-zero
// within seconds with one clear line — a busy port, an unreachable database, a missing secret —
// and `npm start` stops the embedded PostgreSQL it started on the way out.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { connect, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { bin, freePort, root } from "../support/app-server";

interface Ended {
  code: number | null;
  output: string;
  ms: number;
}

function runToExit(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<Ended> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: performance.now() - started });
    }),
  );
}

/** The environment of a user's shell: none of the test suite's own database settings. */
function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of ["DATABASE_URL", "AUTH_SECRET", "APP_URL", "HOST"]) if (!(name in extra)) delete env[name];
  return env;
}

const errorLines = (output: string) => output.split("\n").filter((l) => l.startsWith("✖"));

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

let busy: Server;
let busyPort: number;
const dataDir = mkdtempSync(path.join(tmpdir(), "delivery-startup-"));
chmodSync(dataDir, 0o755);

beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => busy.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

describe("start-up failures", { timeout: 180_000 }, () => {
  it("the server exits 1 within seconds with one line when its port is taken", async () => {
    const ended = await runToExit(
      process.execPath,
      ["scripts/server.mjs"],
      userEnv({
        NODE_ENV: "production",
        PORT: String(busyPort),
        HOST: "127.0.0.1",
        DATABASE_URL: inject("databaseUrl"),
        AUTH_SECRET: "a-secret-of-at-least-16-chars",
      }),
    );
    expect(ended.code).toBe(1);
    expect(errorLines(ended.output)).toEqual([
      `✖ Port ${busyPort} on 127.0.0.1 is already in use (EADDRINUSE): stop what listens there or set PORT.`,
    ]);
    expect(ended.output).not.toMatch(/uncaughtException|\n\s+at /);
    expect(ended.ms).toBeLessThan(5_000);
    console.info(`server.mjs on a busy port exited 1 after ${ended.ms.toFixed(0)} ms`);
  });

  it("npm start on a busy port exits non-zero with one line and stops the embedded database it started", async () => {
    const pgPort = await freePort();
    const ended = await runToExit(
      bin("tsx"),
      ["scripts/run.ts", "start"],
      userEnv({
        PORT: String(busyPort),
        EMBEDDED_PG_PORT: String(pgPort),
        EMBEDDED_PG_DIR: path.join(dataDir, "postgres"),
      }),
    );
    expect(ended.code).toBe(1);
    expect(errorLines(ended.output)).toEqual([expect.stringMatching(/^✖ Port \d+ on 127\.0\.0\.1 is already in use/)]);
    expect(ended.output).not.toMatch(/uncaughtException|\n\s+at /);
    expect(await listening(pgPort)).toBe(false);
  });

  it("npm start with an unreachable DATABASE_URL exits 1 with one line that keeps the password out", async () => {
    const port = await freePort();
    const ended = await runToExit(
      bin("tsx"),
      ["scripts/run.ts", "start"],
      userEnv({
        DATABASE_URL: `postgresql://app:hunter2-secret@127.0.0.1:${port}/delivery`,
        AUTH_SECRET: "a-secret-of-at-least-16-chars",
        PORT: String(await freePort()),
      }),
    );
    expect(ended.code).toBe(1);
    expect(errorLines(ended.output)).toEqual([
      `✖ Cannot reach the database at 127.0.0.1:${port}/delivery (ECONNREFUSED): check DATABASE_URL and that PostgreSQL is running.`,
    ]);
    expect(ended.output).not.toContain("hunter2");
    expect(ended.ms).toBeLessThan(15_000);
  });

  it("npm start against DATABASE_URL without AUTH_SECRET exits 1 with one line", async () => {
    const ended = await runToExit(
      bin("tsx"),
      ["scripts/run.ts", "start"],
      userEnv({ DATABASE_URL: inject("databaseUrl"), PORT: String(await freePort()) }),
    );
    expect(ended.code).toBe(1);
    expect(errorLines(ended.output)).toEqual([expect.stringMatching(/^✖ AUTH_SECRET is not set/)]);
  });
});
