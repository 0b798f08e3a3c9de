// `npm run dev` / `npm start`: resolve the database (embedded or DATABASE_URL), migrate, seed demo
// data on an empty embedded database, run Next.js on PORT. Any failure ends the process non-zero
// with one line, after stopping the embedded database this process started.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";
import { resolveDatabase, StartupError, type Database } from "./lib/database.ts";
import { DEMO_ACCOUNTS } from "./lib/demo-accounts.ts";

const mode = process.argv[2] === "start" ? "start" : "dev";
nextEnv.loadEnvConfig(process.cwd(), mode === "dev");
const log = (line: string) => console.log(`▸ ${line}`);

let database: Database | undefined;
/** The child running now (migrations, seed, then the server); signals are passed on to it. */
let current: ChildProcess | undefined;
let stopping = false;

function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = (current = spawn(command, args, { stdio: "inherit", env }));
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new StartupError(`${path.basename(args[0] ?? command)} exited with ${code}`)),
    );
  });
}

/** Embedded mode keeps a generated secret beside its data, so sessions survive restarts. */
function authSecret(embedded: boolean): string | undefined {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (!embedded && mode === "start") return undefined;
  const file = path.resolve(".data/auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

const isLoopback = (host: string) => /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i.test(host);

/** Demo accounts still on their published passwords: printed on loopback, a refusal to start beyond it. */
async function reportDemoAccounts(env: NodeJS.ProcessEnv, host: string) {
  Object.assign(process.env, { DATABASE_URL: env.DATABASE_URL });
  const { accountsOnPublishedPasswords } = await import("@/lib/users/demo-passwords");
  const { db } = await import("@/lib/db");
  const open = await accountsOnPublishedPasswords(DEMO_ACCOUNTS);
  await db.$disconnect();
  if (open.length === 0) return;
  if (isLoopback(host)) {
    log("Demo sign-ins (this machine only):");
    for (const a of DEMO_ACCOUNTS.filter((d) => open.some((o) => o.email === d.email)))
      log(`  ${a.role.padEnd(7)} ${a.email} / ${a.password}`);
    return;
  }
  throw new StartupError(
    `Refusing to listen on ${host}, beyond this machine, while ${open.map((o) => o.email).join(", ")} still ` +
      "accept their published demo passwords: anyone who can reach this port could sign in as them. " +
      "Rotate them first with `npm run admin -- reset-demo-passwords` (each gets a new random password, " +
      "printed once), or keep HOST=127.0.0.1.",
  );
}

async function main() {
  const port = process.env.PORT ?? "3000";
  database = await resolveDatabase(log, { handleSignals: false });
  const secret = authSecret(database.embedded);
  if (!secret)
    throw new StartupError(
      "AUTH_SECRET is not set: set one (e.g. `openssl rand -base64 32`) to run against DATABASE_URL.",
    );
  // The embedded default is a development database with demo accounts: this machine only.
  const host = process.env.HOST ?? (database.embedded ? "127.0.0.1" : "0.0.0.0");
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: secret,
    HOST: host,
    APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
  };
  const tsx = path.resolve("node_modules/.bin/tsx");
  const steps = [
    () => runToEnd(tsx, ["scripts/db/migrate.ts", "deploy"], env),
    () => (database!.embedded ? runToEnd(tsx, ["scripts/seed.ts"], env) : undefined),
    () => reportDemoAccounts(env, host),
    () => {
      if (mode !== "start" || existsSync(".next/BUILD_ID")) return;
      log("No production build found; running `next build` first.");
      return runToEnd(path.resolve("node_modules/.bin/next"), ["build"], env);
    },
  ];
  for (const step of steps) {
    if (stopping) return 0;
    await step();
  }
  if (stopping) return 0;

  // Production runs our own server (scripts/server.mjs) for an orderly shutdown; dev runs Next's.
  const next: ChildProcess = (current =
    mode === "start"
      ? spawn(process.execPath, ["scripts/server.mjs"], {
          stdio: "inherit",
          env: { ...env, PORT: port, NODE_ENV: "production" },
        })
      : spawn(path.resolve("node_modules/.bin/next"), ["dev", "-p", port, "-H", host], { stdio: "inherit", env }));
  log(`App on http://${isLoopback(host) ? "localhost" : host}:${port} — API docs at /api/v1/docs`);
  return new Promise<number>((resolve) => next.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

function onSignal(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  // The child finishes what it does (the server drains requests); then the database stops.
  if (current && current.exitCode === null) current.kill(signal);
}
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

let code: number;
try {
  code = await main();
} catch (error) {
  // A step cut short by Ctrl-C or SIGTERM is a requested stop, not a failure.
  if (!stopping) console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  code = stopping ? 0 : 1;
}
await database?.stop().catch((error) => console.error(`Could not stop the embedded PostgreSQL: ${String(error)}`));
process.exit(code);
