// `npm run dev` / `npm start`: resolve the database (embedded default or DATABASE_URL), apply
// migrations, seed demo data on an empty embedded database, then run Next.js on PORT.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";
import { resolveDatabase } from "./lib/database.ts";
import { DEMO_ACCOUNTS } from "./lib/demo-accounts.ts";

const mode = process.argv[2] === "start" ? "start" : "dev";
nextEnv.loadEnvConfig(process.cwd(), mode === "dev");
const log = (line: string) => console.log(`▸ ${line}`);

function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
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

async function main() {
  const port = process.env.PORT ?? "3000";
  const database = await resolveDatabase(log, { handleSignals: false });
  const secret = authSecret(database.embedded);
  if (!secret) throw new Error("Set AUTH_SECRET (e.g. `openssl rand -base64 32`) to run against DATABASE_URL.");
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: secret,
    APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
  };
  const tsx = path.resolve("node_modules/.bin/tsx");
  await runToEnd(tsx, ["scripts/db/migrate.ts", "deploy"], env);
  if (database.embedded) {
    await runToEnd(tsx, ["scripts/seed.ts"], env);
    log("Demo sign-ins (embedded database only):");
    for (const a of DEMO_ACCOUNTS) log(`  ${a.role.padEnd(7)} ${a.email} / ${a.password}`);
  }
  if (mode === "start" && !existsSync(".next/BUILD_ID")) {
    log("No production build found; running `next build` first.");
    await runToEnd(path.resolve("node_modules/.bin/next"), ["build"], env);
  }

  // Production runs our own server (scripts/server.mjs) for an orderly shutdown; dev runs Next's.
  const next: ChildProcess =
    mode === "start"
      ? spawn(process.execPath, ["scripts/server.mjs"], {
          stdio: "inherit",
          env: { ...env, PORT: port, NODE_ENV: "production" },
        })
      : spawn(path.resolve("node_modules/.bin/next"), ["dev", "-p", port], { stdio: "inherit", env });
  log(`App on http://localhost:${port} — API docs at /api/v1/docs`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    next.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  const code = await new Promise<number>((resolve) => next.on("exit", (c) => resolve(c ?? 0)));
  await database.stop();
  process.exit(code);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
