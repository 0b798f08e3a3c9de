// Prisma's schema engine as WebAssembly over @prisma/adapter-pg: the CLI's operations with the CLI's
// inputs, so the `_prisma_migrations` history is the one `prisma migrate deploy` reads elsewhere.
// Load it only in a short-lived process (it shares a global error registry with the client).
import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type {
  MigrationList,
  SchemaEngine,
  SchemaFilter,
  SchemasContainer,
} from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

export type { MigrationList, SchemaEngine, SchemasContainer };

export const LOCKFILE_NAME = "migration_lock.toml";
export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

// ---------------------------------------------------------------------------------------------
// Loading the engine

let engineModule: typeof glue | undefined;

/**
 * Instantiates the wasm build shipped inside the installed `prisma` CLI (the exact engine the CLI
 * belongs to) with the JS glue of @prisma/schema-engine-wasm. The package's own entry imports the
 * .wasm as an ES module, which plain Node cannot do, so the wiring is done here by hand.
 */
function loadEngineModule(): typeof glue {
  if (engineModule) return engineModule;
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm");
  const wasmModule = new WebAssembly.Module(readFileSync(wasmPath));
  // The wasm imports every binding from "./schema_engine_bg.js"; fail loudly (not with a cryptic
  // LinkError) when the glue and the wasm come from different builds.
  const missing = WebAssembly.Module.imports(wasmModule)
    .filter((imp) => typeof (glue as Record<string, unknown>)[imp.name] !== "function")
    .map((imp) => imp.name);
  if (missing.length) {
    throw new Error(
      `@prisma/schema-engine-wasm's glue does not match ${wasmPath} (missing ${missing.slice(0, 3).join(", ")}…). ` +
        "Install the @prisma/schema-engine-wasm version that prisma's own engine was built with.",
    );
  }
  const imports = Object.fromEntries(
    [...new Set(WebAssembly.Module.imports(wasmModule).map((imp) => imp.module))].map((name) => [name, glue]),
  );
  const instance = new WebAssembly.Instance(wasmModule, imports as WebAssembly.Imports);
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  engineModule = glue;
  return glue;
}

// ---------------------------------------------------------------------------------------------
// Driver adapter with the fixes the engine needs over @prisma/adapter-pg 7.10.1

/** PostgreSQL's internal one-byte `"char"` type (pg_class.relkind, pg_constraint.contype, …). */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

interface PgResultLike {
  fields: { dataTypeID: number }[];
}
// The parts of adapter-pg's (unexported) PgQueryable / PrismaPgAdapter classes patched below.
interface AnyQueryable {
  performIO(query: unknown): Promise<PgResultLike>;
  onError(error: unknown): never;
  queryRaw(query: unknown): Promise<{ columnTypes: number[] }>;
  startTransaction?(isolationLevel?: unknown): Promise<object>;
  executeScript(script: string): Promise<void>;
  underlyingDriver(): pg.Pool;
}

/**
 * adapter-pg throws "Unsupported column type char" on OID 18 columns, which the engine's
 * introspection queries read. Report them as the single-character column type instead: the
 * value pg returns for `"char"` is already a one-character string.
 */
function reportCharColumns<T extends object>(queryable: T): T {
  const q = queryable as unknown as AnyQueryable;
  const queryRaw = q.queryRaw;
  const performIO = q.performIO;
  q.queryRaw = async function patchedQueryRaw(query: unknown) {
    const charColumns: number[] = [];
    // A per-call view of the queryable whose performIO renames "char" to text before adapter-pg
    // maps the column types; the real column type is put back afterwards.
    const view = Object.create(q, {
      performIO: {
        value: async (sql: unknown) => {
          const result = await performIO.call(q, sql);
          result.fields.forEach((field, index) => {
            if (field.dataTypeID === PG_CHAR_OID) {
              charColumns.push(index);
              field.dataTypeID = PG_TEXT_OID;
            }
          });
          return result;
        },
      },
    });
    const resultSet = await queryRaw.call(view, query);
    for (const index of charColumns) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
  if (typeof q.startTransaction === "function") {
    const startTransaction = q.startTransaction;
    q.startTransaction = async function patchedStartTransaction(isolationLevel?: unknown) {
      return reportCharColumns(await startTransaction.call(q, isolationLevel));
    };
  }
  return queryable;
}

/**
 * adapter-pg's executeScript splits the script on `;` (breaking `DO $$ … $$` bodies, functions
 * and string literals). Send the whole script as one simple-protocol query instead, which is
 * what the native engine does: PostgreSQL runs a multi-statement simple query atomically.
 */
function executeWholeScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const a = adapter as unknown as AnyQueryable;
  a.executeScript = async (script: string) => {
    try {
      await a.underlyingDriver().query(script);
    } catch (error) {
      a.onError(error);
    }
  };
  return adapter;
}

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

function quoteIdent(name: string) {
  return `"${name.replace(/"/g, '""')}"`;
}

async function runOnce(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

export interface ScratchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * An empty database next to the one at `url` (same server and credentials), for replaying the
 * migrations. Named like Prisma's shadow databases so that leftovers are recognisable.
 */
export async function createScratchDatabase(url: string): Promise<ScratchDatabase> {
  const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
  await runOnce(url, `CREATE DATABASE ${quoteIdent(name)}`);
  return {
    url: withDatabase(url, name),
    name,
    drop: async () => {
      if (process.env.MIGRATE_KEEP_SHADOW) return;
      await runOnce(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    },
  };
}

export interface EngineConnection {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Ends every pool the engine opened and drops shadow databases it left behind. */
  close(): Promise<void>;
}

/**
 * A migration-aware adapter factory for `url`:
 * - one connection per pool (`max: 1`, never idled out): Prisma's migration advisory lock is a
 *   session lock, taken and released with separate queries that must reach the same session;
 * - shadow databases get their own URL (adapter-pg spreads `database` next to `connectionString`,
 *   which wins, so its shadow "database" is the main one) and are dropped after their pool has
 *   ended (adapter-pg drops while its own pool is still connected, which PostgreSQL refuses).
 */
export function createAdapterFactory(url: string): EngineConnection {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  const adapterOptions = schema ? { schema } : undefined;
  const poolConfig = (connectionString: string): pg.PoolConfig => ({
    connectionString,
    max: 1,
    idleTimeoutMillis: 0,
    connectionTimeoutMillis: 10_000,
  });
  const opened = new Set<SqlDriverAdapter>();
  const shadows = new Set<string>();

  const main = new PrismaPg(poolConfig(url), adapterOptions);

  const dropShadow = async (database: string) => {
    shadows.delete(database);
    if (process.env.MIGRATE_KEEP_SHADOW) return; // debugging: inspect the shadow database afterwards
    await runOnce(url, `DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  };

  const track = (adapter: SqlDriverAdapter, onDispose?: () => Promise<void>): SqlDriverAdapter => {
    const dispose = adapter.dispose.bind(adapter);
    let disposed = false;
    adapter.dispose = async () => {
      if (disposed) return;
      disposed = true;
      opened.delete(adapter);
      await dispose();
      await onDispose?.();
    };
    opened.add(adapter);
    return reportCharColumns(executeWholeScripts(adapter));
  };

  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: main.provider,
    adapterName: main.adapterName,
    async connect() {
      return track(await main.connect());
    },
    async connectToShadowDb() {
      const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
      await runOnce(url, `CREATE DATABASE ${quoteIdent(database)}`);
      shadows.add(database);
      const shadow = new PrismaPg(poolConfig(withDatabase(url, database)), adapterOptions);
      return track(await shadow.connect(), () => dropShadow(database));
    },
  };

  return {
    factory,
    async close() {
      for (const adapter of [...opened]) await adapter.dispose().catch(() => {});
      for (const database of [...shadows]) await dropShadow(database).catch(() => {});
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Engine sessions

export interface EngineSession {
  engine: SchemaEngine;
  close(): Promise<void>;
}

export interface SchemaFile {
  path: string;
  content: string;
}

export function readSchema(schemaPath: string): SchemasContainer {
  const absolute = path.resolve(schemaPath);
  return { files: [{ path: absolute, content: readFileSync(absolute, "utf8") }] };
}

/** Starts a wasm schema engine on `url` (main database) with the given schema files loaded. */
export async function openEngine(
  url: string,
  schema: SchemasContainer,
  log: (line: string) => void = () => {},
): Promise<EngineSession> {
  const { SchemaEngine } = loadEngineModule();
  const connection = createAdapterFactory(url);
  const onLog = (message: unknown) => {
    log(typeof message === "string" ? message : JSON.stringify(message));
  };
  let engine: SchemaEngine;
  try {
    engine = await SchemaEngine.new(
      { datamodels: schema.files.map((f) => [f.path, f.content] as [string, string]) },
      onLog,
      bindMigrationAwareSqlAdapterFactory(connection.factory),
    );
  } catch (error) {
    await connection.close();
    throw toError(error);
  }
  return {
    engine,
    async close() {
      try {
        engine.free();
      } catch {
        // already freed
      }
      await connection.close();
    },
  };
}

/** Reads the migrations directory exactly like the Prisma CLI does (sorted by directory name). */
export async function listMigrations(migrationsDir: string, shadowDbInitScript = ""): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockContent = await readFile(path.join(baseDir, LOCKFILE_NAME), "utf8").catch(() => null);
  const lockfile = { path: LOCKFILE_NAME, content: lockContent };
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const file = "migration.sql";
    const content = await readFile(path.join(baseDir, entry.name, file), "utf8").then(
      (value) => ({ tag: "ok" as const, value }),
      (error: Error) => ({ tag: "error" as const, value: error.message }),
    );
    migrationDirectories.push({ path: entry.name, migrationFile: { path: file, content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir, lockfile, migrationDirectories, shadowDbInitScript };
}

/**
 * Errors thrown from the engine are objects (or JSON strings) carrying a Prisma error code and
 * message; turn them into Errors with a readable message.
 */
export function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (typeof error === "string") {
    try {
      return toError(JSON.parse(error));
    } catch {
      return new Error(error);
    }
  }
  if (error && typeof error === "object") {
    const e = error as { message?: string; error_code?: string; errorCode?: string; meta?: unknown };
    const code = e.error_code ?? e.errorCode;
    const message = e.message ?? JSON.stringify(error);
    return Object.assign(new Error(code ? `${code}: ${message}` : message), { cause: error });
  }
  return new Error(String(error));
}
