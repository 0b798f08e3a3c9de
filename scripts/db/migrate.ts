// Migrations on Prisma's WebAssembly schema engine (deploy, create, check, resolve; see usage
// below and docs/toolchain.md): `prisma migrate` needs a native engine that is not installed here.
// Always its own process: the engine leaves timers behind, so the CLI exits explicitly.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { resolveDatabase } from "../lib/database.ts";
import {
  createScratchDatabase,
  LOCKFILE_NAME,
  listMigrations,
  NO_FILTER,
  openEngine,
  readSchema,
  toError,
  type EngineSession,
  type MigrationList,
  type SchemasContainer,
} from "./schema-engine.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const DEFAULT_SCHEMA = path.join(ROOT, "prisma", "schema.prisma");
export const DEFAULT_MIGRATIONS = path.join(ROOT, "prisma", "migrations");

export interface MigrateOptions {
  schemaPath?: string;
  migrationsDir?: string;
  /** Engine log lines (JSON), for debugging. */
  log?: (line: string) => void;
}

function paths(options: MigrateOptions) {
  return {
    schemaPath: path.resolve(options.schemaPath ?? DEFAULT_SCHEMA),
    migrationsDir: path.resolve(options.migrationsDir ?? DEFAULT_MIGRATIONS),
  };
}

async function withEngine<T>(url: string, options: MigrateOptions, run: (session: EngineSession) => Promise<T>) {
  const { schemaPath } = paths(options);
  const session = await openEngine(url, readSchema(schemaPath), options.log);
  try {
    return await run(session);
  } catch (error) {
    throw toError(error);
  } finally {
    await session.close();
  }
}

export interface ApplyResult {
  /** Every migration directory, in order. */
  migrations: string[];
  /** The ones this run applied. */
  applied: string[];
}

/** `prisma migrate deploy`: applies the pending migrations, records them in `_prisma_migrations`. */
export async function applyMigrations(url: string, options: MigrateOptions = {}): Promise<ApplyResult> {
  const { migrationsDir } = paths(options);
  const migrationsList = await listMigrations(migrationsDir);
  const migrations = migrationsList.migrationDirectories.map((m) => m.path);
  if (!migrations.length) return { migrations, applied: [] };
  return withEngine(url, options, async ({ engine }) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return { migrations, applied: appliedMigrationNames };
  });
}

/**
 * `prisma migrate resolve --rolled-back <name>`: marks a failed migration as rolled back (after
 * the database has been repaired by hand) so that `deploy` applies it again.
 */
export async function markMigrationRolledBack(url: string, migrationName: string, options: MigrateOptions = {}) {
  await withEngine(url, options, ({ engine }) => engine.markMigrationRolledBack({ migrationName }));
}

export interface CreateResult {
  /** Directory name (`<timestamp>_<name>`), or null when the schema has no change to migrate. */
  name: string | null;
  directory: string | null;
  script: string | null;
}

const NAME_PATTERN = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

export function validateMigrationName(name: string | undefined): string {
  const trimmed = (name ?? "").trim();
  if (!trimmed) throw new Error("Missing migration name, e.g. `npm run db:migration:create -- add_notes`.");
  if (trimmed.length > 100 || !NAME_PATTERN.test(trimmed)) {
    throw new Error(
      `Invalid migration name "${trimmed}": use lowercase letters, digits and single underscores ` +
        "(snake_case, at most 100 characters), e.g. add_delivery_notes.",
    );
  }
  return trimmed;
}

interface Replay {
  session: EngineSession;
  migrationsList: MigrationList;
  schema: SchemasContainer;
  /** Engine diff of the replayed migrations (from) against schema.prisma (to). */
  diff(script: boolean): Promise<{ changed: boolean; stdout: string }>;
}

/**
 * Replays the migrations with the engine's own applyMigrations on a scratch database of the
 * server at `url`, then lets `run` diff that database (`schemaDatasource`) against schema.prisma
 * (`schemaDatamodel`). This is what the shadow database of `migrate dev` / `migrate diff
 * --from-migrations` computes, with one difference that matters here: the wasm engine describes
 * its own shadow databases without the schema's preview features, so with `postgresqlExtensions`
 * every diff from migrations re-adds `CREATE EXTENSION` for extensions the migrations already
 * create. A database described as a datasource gets the schema's preview features.
 */
async function withReplayedMigrations<T>(url: string, options: MigrateOptions, run: (replay: Replay) => Promise<T>) {
  const { schemaPath, migrationsDir } = paths(options);
  const migrationsList = await listMigrations(migrationsDir);
  const schema = readSchema(schemaPath);
  const scratch = await createScratchDatabase(url);
  try {
    return await withEngine(scratch.url, options, async (session) => {
      if (migrationsList.migrationDirectories.length) {
        await session.engine.applyMigrations({ migrationsList, filters: NO_FILTER });
      }
      const from = { tag: "schemaDatasource" as const, ...schema, configDir: path.dirname(schemaPath) };
      const to = { tag: "schemaDatamodel" as const, ...schema };
      const diff = async (script: boolean) => {
        const result = await session.engine.diff({ from, to, script, exitCode: true, filters: NO_FILTER });
        return { changed: result.exitCode !== 0, stdout: result.stdout ?? "" };
      };
      return run({ session, migrationsList, schema, diff });
    });
  } finally {
    await scratch.drop().catch((error) => console.error(`Could not drop ${scratch.name}: ${String(error)}`));
  }
}

/** The `/* Warnings: … *\/` block createMigration puts in front of destructive migrations. */
function leadingWarnings(script: string | null) {
  const match = script?.match(/^\s*\/\*[\s\S]*?\*\/\s*/);
  return match && /Warnings:|cannot be executed/i.test(match[0]) ? match[0] : "";
}

function timestamp(date = new Date()) {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

/**
 * `prisma migrate dev --create-only`: writes the SQL that takes the schema produced by the
 * existing migrations to schema.prisma into `<migrations>/<timestamp>_<name>/migration.sql`.
 * Every statement comes from the engine. The database at `url` is not changed: its server
 * hosts the scratch and shadow databases.
 */
export async function createMigration(url: string, name: string, options: MigrateOptions = {}): Promise<CreateResult> {
  const migrationName = validateMigrationName(name);
  const { migrationsDir } = paths(options);
  return withReplayedMigrations(url, options, async ({ session, migrationsList, schema, diff }) => {
    const { changed, stdout: sql } = await diff(true);
    if (!changed) return { name: null, directory: null, script: null };
    // Same order as `migrate dev`: devDiagnostic prepares the shadow database createMigration
    // needs. createMigration names the migration and reports destructive changes; its SQL is not
    // used (see withReplayedMigrations: it would re-create extensions).
    await session.engine.devDiagnostic({ migrationsList, filters: NO_FILTER });
    const created = await session.engine.createMigration({
      draft: false,
      migrationName,
      migrationsList,
      schema,
      filters: NO_FILTER,
    });
    const generatedName = created.generatedMigrationName || `${timestamp()}_${migrationName}`;
    const script = leadingWarnings(created.migrationScript) + sql;
    const directory = path.join(migrationsDir, generatedName);
    if (existsSync(directory)) throw new Error(`The migration directory already exists: ${directory}`);
    await mkdir(directory, { recursive: true });
    await writeFile(path.join(directory, `migration.${created.extension || "sql"}`), script, "utf8");
    const lockfile = path.join(migrationsDir, LOCKFILE_NAME);
    if (!existsSync(lockfile)) {
      await writeFile(
        lockfile,
        "# Please do not edit this file manually\n" +
          "# It should be added in your version-control system (e.g., Git)\n" +
          `provider = "${created.connectorType || "postgresql"}"\n`,
        "utf8",
      );
    }
    return { name: generatedName, directory, script };
  });
}

export interface DriftResult {
  inSync: boolean;
  /** Human-readable summary of what the migrations lack compared with schema.prisma. */
  summary: string;
  /** SQL that would bring the migrations up to schema.prisma (empty when in sync). */
  script: string;
}

/**
 * Drift check, like `prisma migrate diff --from-migrations … --to-schema … --exit-code`: the
 * migrations replayed on a scratch database against schema.prisma.
 */
export async function diffMigrationsAgainstSchema(url: string, options: MigrateOptions = {}): Promise<DriftResult> {
  return withReplayedMigrations(url, options, async ({ diff }) => {
    const summary = await diff(false);
    if (!summary.changed) return { inSync: true, summary: summary.stdout.trim(), script: "" };
    const script = await diff(true);
    return { inSync: false, summary: summary.stdout.trim(), script: script.stdout.trim() };
  });
}

// ---------------------------------------------------------------------------------------------
// CLI

const USAGE =
  "Usage: tsx scripts/db/migrate.ts <deploy | create <name> | check | resolve --rolled-back <migration>>\n" +
  "         [--schema <file>] [--migrations <dir>]";

interface Cli {
  command: string;
  args: string[];
  options: MigrateOptions;
}

function parseArgs(argv: string[]): Cli {
  const [command = "", ...rest] = argv;
  const args: string[] = [];
  const options: MigrateOptions = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith("--") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (!v) throw new Error(`${flag} needs a value.\n${USAGE}`);
      return v;
    };
    if (flag === "--schema") options.schemaPath = value();
    else if (flag === "--migrations") options.migrationsDir = value();
    else if (flag === "--rolled-back") args.push(value());
    else if (flag === "--help" || flag === "-h") return { command: "help", args: [], options };
    else if (arg.startsWith("--")) throw new Error(`Unknown option ${arg}.\n${USAGE}`);
    else args.push(arg);
  }
  if (process.env.MIGRATE_DEBUG) options.log = (line) => console.error(`[schema-engine] ${line}`);
  return { command, args, options };
}

function rel(file: string) {
  return path.relative(process.cwd(), file) || file;
}

async function run(cli: Cli, url: string): Promise<number> {
  const { command, args, options } = cli;
  const { schemaPath, migrationsDir } = paths(options);
  switch (command) {
    case "deploy": {
      const { migrations, applied } = await applyMigrations(url, options);
      if (!migrations.length) {
        console.log(`No migrations found in ${rel(migrationsDir)}.`);
      } else if (!applied.length) {
        console.log(`${migrations.length} migration(s) in ${rel(migrationsDir)}; no pending migrations to apply.`);
      } else {
        console.log(`Applied ${applied.length} migration(s):`);
        for (const name of applied) console.log(`  ${name}`);
        console.log("All migrations have been successfully applied.");
      }
      return 0;
    }
    case "create": {
      if (args.length > 1) throw new Error(`create takes one name, got: ${args.join(" ")}\n${USAGE}`);
      const result = await createMigration(url, args[0], options);
      if (!result.name) {
        console.log(
          `No changes: ${rel(schemaPath)} already matches the migrations in ${rel(migrationsDir)}. Nothing written.`,
        );
        return 0;
      }
      console.log(`Created ${rel(path.join(result.directory!, "migration.sql"))}`);
      console.log("Review it, then apply it with `npm run db:migrate`.");
      return 0;
    }
    case "check": {
      const drift = await diffMigrationsAgainstSchema(url, options);
      if (drift.inSync) {
        console.log(`OK: the migrations in ${rel(migrationsDir)} match ${rel(schemaPath)}.`);
        return 0;
      }
      console.error(`Drift: ${rel(schemaPath)} and the migrations in ${rel(migrationsDir)} disagree.`);
      console.error("Changes the migrations are missing:\n");
      console.error(drift.summary);
      if (drift.script) console.error(`\nSQL the next migration would contain:\n\n${drift.script}`);
      console.error("\nCreate a migration with `npm run db:migration:create -- <name>`.");
      return 1;
    }
    case "resolve": {
      if (args.length !== 1) throw new Error(`resolve needs --rolled-back <migration>.\n${USAGE}`);
      await markMigrationRolledBack(url, args[0], options);
      console.log(`Marked ${args[0]} as rolled back; \`deploy\` will apply it again.`);
      return 0;
    }
    default:
      throw new Error(`Unknown command "${command}".\n${USAGE}`);
  }
}

async function main(argv: string[]) {
  let cli: Cli;
  try {
    cli = parseArgs(argv);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (cli.command === "help" || !cli.command) {
    console.log(USAGE);
    return cli.command ? 0 : 2;
  }
  if (!["deploy", "create", "check", "resolve"].includes(cli.command)) {
    console.error(`Unknown command "${cli.command}".\n${USAGE}`);
    return 2;
  }
  if (cli.command === "create") {
    try {
      validateMigrationName(cli.args[0]);
    } catch (error) {
      console.error((error as Error).message);
      return 2;
    }
  }
  let db: Awaited<ReturnType<typeof resolveDatabase>> | undefined;
  try {
    db = await resolveDatabase((line) => console.error(line));
    return await run(cli, db.url);
  } catch (error) {
    const err = toError(error);
    console.error(`migrate ${cli.command} failed: ${err.message}`);
    if (cli.command === "deploy" && /failed migrations/.test(err.message)) {
      console.error(
        "Repair the database by hand, then run `tsx scripts/db/migrate.ts resolve --rolled-back <migration>` and deploy again.",
      );
    }
    if (process.env.MIGRATE_DEBUG && err.stack) console.error(err.stack);
    return 1;
  } finally {
    await db?.stop().catch((error) => console.error(`Could not stop the embedded PostgreSQL: ${String(error)}`));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // Exit explicitly: the wasm engine leaves timers that would keep the process alive for ~10 s.
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
