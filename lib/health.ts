// The probes: liveness (/api/health: the process answers, and the database) and readiness
// (/api/health/ready: this process should be sent traffic). See docs/observability.md.
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { EmbeddedExecutor } from "@/lib/background/embedded/executor";
import { db } from "@/lib/db";
import { backgroundExecutor, env } from "@/lib/env";

/** True when the database answers within `timeoutMs`. */
export async function checkDatabase(timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([db.$queryRaw`SELECT 1`.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Set by scripts/server.mjs when a SIGTERM starts the drain; globalThis is what both share. */
const DRAINING = Symbol.for("delivery-platform.draining");
const holder = globalThis as { embeddedExecutor?: EmbeddedExecutor } & Record<symbol, unknown>;

export type CheckResult = "ok" | "failed" | "skipped";
export interface Readiness {
  ready: boolean;
  checks: { draining: CheckResult; database: CheckResult; migrations: CheckResult; background: CheckResult };
  /** What is wrong, in one sentence, when not ready. */
  reason: string | null;
}

/** Once every migration in the build is applied it stays so: the check then costs nothing. */
let migrationsApplied = false;
async function checkMigrations(): Promise<boolean> {
  if (migrationsApplied) return true;
  const folder = path.join(process.cwd(), "prisma/migrations");
  const shipped = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((r) => r.name));
  migrationsApplied = shipped.every((name) => applied.has(name));
  return migrationsApplied;
}

/**
 * Ready: not draining, the database answers, every migration this build ships is applied, and, in
 * the process that runs the background work with the embedded executor, its queue workers run.
 */
export async function checkReadiness(): Promise<Readiness> {
  const checks: Readiness["checks"] = {
    draining: "ok",
    database: "skipped",
    migrations: "skipped",
    background: "skipped",
  };
  const fail = (reason: string): Readiness => ({ ready: false, checks, reason });
  if (holder[DRAINING]) {
    checks.draining = "failed";
    return fail("The server is shutting down.");
  }
  checks.database = (await checkDatabase()) ? "ok" : "failed";
  if (checks.database === "failed") return fail("The database is unreachable.");
  checks.migrations = (await checkMigrations().catch(() => false)) ? "ok" : "failed";
  if (checks.migrations === "failed") return fail("The database is missing migrations this build needs.");
  const e = env();
  if (e.BACKGROUND_WORK === "on" && backgroundExecutor(e) === "embedded") {
    checks.background = holder.embeddedExecutor?.started ? "ok" : "failed";
    if (checks.background === "failed") return fail("The background executor of this process is not running.");
  }
  return { ready: true, checks, reason: null };
}
