// `npm start` on the embedded default: PostgreSQL under a data directory, migrations, demo seed on
// the first start only, demo sign-in, and data that survives a restart.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../support/app-server";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = mkdtempSync(path.join(tmpdir(), "delivery-embedded-"));
chmodSync(dataDir, 0o755);

let pgPort: number;
let appPort: number;

/** The environment of a user's shell on the embedded default (the suite's database settings removed). */
async function userEnv(extra: Record<string, string> = {}): Promise<NodeJS.ProcessEnv> {
  pgPort ??= await freePort();
  appPort ??= await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(appPort),
    EMBEDDED_PG_PORT: String(pgPort),
    EMBEDDED_PG_DIR: path.join(dataDir, "postgres"),
  };
  for (const name of ["DATABASE_URL", "AUTH_SECRET", "APP_URL", "HOST"]) delete env[name];
  return { ...env, ...extra };
}

async function start(extra: Record<string, string> = {}): Promise<{ child: ChildProcess; output: () => string }> {
  const env = await userEnv(extra);
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/run.ts", "start"], { cwd: root, env });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${out}`);
    const ok = await fetch(`http://127.0.0.1:${appPort}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, output: () => out };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`npm start did not become healthy:\n${out}`);
}

function listening(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** SIGTERM, then wait until neither the app nor its database listens any more. */
async function stop(child: ChildProcess) {
  child.kill("SIGTERM");
  if (child.exitCode === null) await new Promise((r) => child.once("exit", r));
  const deadline = Date.now() + 30_000;
  while ((await listening(appPort)) || (await listening(pgPort))) {
    if (Date.now() > deadline) throw new Error("the app or its database kept running after SIGTERM");
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function adminCookie(password = "admin1234"): Promise<string> {
  const base = `http://127.0.0.1:${appPort}`;
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrf.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; "),
    },
    body: new URLSearchParams({ email: "admin@example.com", password, csrfToken }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.includes("session-token="));
  if (!cookie) throw new Error("demo admin could not sign in");
  return cookie;
}

async function allDeliveries(cookie: string) {
  const res = await fetch(`http://127.0.0.1:${appPort}/api/v1/deliveries?limit=100`, { headers: { cookie } });
  return ((await res.json()) as { data: { id: string; status: string }[] }).data;
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("npm start without DATABASE_URL", () => {
  it(
    "seeds demo data once, prints the demo sign-ins, and keeps data across restarts",
    { timeout: 240_000 },
    async () => {
      let before: string[] = [];
      const first = await start();
      try {
        expect(first.output()).toMatch(/admin@example\.com \/ admin1234/);
        // The embedded default (demo accounts, published passwords) listens on this machine only.
        expect(first.output()).toContain(`Ready on http://127.0.0.1:${appPort}`);
        const outside = Object.values(networkInterfaces())
          .flat()
          .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
        if (outside) expect(await listening(appPort, outside)).toBe(false);
        expect(first.output()).toMatch(/Seeded demo data/);
        const deliveries = await allDeliveries(await adminCookie());
        expect(new Set(deliveries.map((d) => d.status))).toEqual(
          new Set(["CREATED", "ASSIGNED", "IN_TRANSIT", "COMPLETED", "FAILED", "CANCELLED"]),
        );
        before = deliveries.map((d) => d.id).sort();
      } finally {
        await stop(first.child);
      }

      const second = await start();
      try {
        expect(second.output()).toMatch(/nothing seeded/);
        expect((await allDeliveries(await adminCookie())).map((d) => d.id).sort()).toEqual(before);
      } finally {
        await stop(second.child);
      }
    },
  );
});

/** `npm start` that is expected to refuse: resolves with its exit code and output once it exits. */
async function startRefused(extra: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const env = await userEnv(extra);
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/run.ts", "start"], { cwd: root, env });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { code, output: out };
}

describe("npm start beyond loopback", () => {
  it(
    "refuses to start while demo accounts accept their published passwords, until reset-demo-passwords replaces them",
    { timeout: 240_000 },
    async () => {
      const refused = await startRefused({ HOST: "0.0.0.0" });
      expect(refused.code).not.toBe(0);
      expect(refused.output).toMatch(/Refusing to listen on 0\.0\.0\.0.*admin@example\.com.*reset-demo-passwords/);
      expect(refused.output).not.toContain("admin1234");
      // Nothing was left listening, the app nor its database.
      expect(await listening(appPort)).toBe(false);
      expect(await listening(pgPort)).toBe(false);

      // The operator CLI starts the embedded server itself when nothing runs.
      const admin = (...args: string[]) =>
        userEnv().then((env) =>
          promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), ["scripts/admin.ts", ...args], {
            cwd: root,
            env,
          }),
        );
      const { accounts } = JSON.parse((await admin("reset-demo-passwords", "--json")).stdout) as {
        accounts: { email: string; role: string; password: string }[];
      };
      expect(accounts.map((a) => a.email).sort()).toEqual([
        "admin@example.com",
        "courier@example.com",
        "ops@acme.example",
        "ops@globex.example",
      ]);
      for (const a of accounts) expect(a.password).toMatch(/^[\w-]{24}$/);
      const newPassword = accounts.find((a) => a.email === "admin@example.com")!.password;
      expect(JSON.parse((await admin("reset-demo-passwords", "--json")).stdout)).toEqual({ accounts: [] });

      const wide = await start({ HOST: "0.0.0.0" });
      try {
        expect(wide.output()).toContain(`Ready on http://0.0.0.0:${appPort}`);
        expect(wide.output()).not.toMatch(/Refusing|Demo sign-ins/);
        await expect(adminCookie()).rejects.toThrow(/could not sign in/);
        expect(await adminCookie(newPassword)).toMatch(/session-token=/);
      } finally {
        await stop(wide.child);
      }
    },
  );
});
