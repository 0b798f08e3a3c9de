// Resolves the database every command uses (DESIGN §10): DATABASE_URL when set, otherwise an
// embedded PostgreSQL whose data lives under .data/ and survives restarts. A second command
// (say `npm run admin` beside `npm run dev`) reuses the server the first one started.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { initdb, packagedBinaries, startPostgres, type RunAs } from "./postgres-process.ts";
import { postgresUser, reachableBinaries, reachableDataDir } from "./run-as-postgres.ts";
import { StartupError } from "./startup-error.ts";

export { StartupError };

const USER = "postgres";
const PASSWORD = "postgres";

export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dir: string;
  port: number;
  database: string;
  /** false: the data is deleted on stop() (throw-away servers of tests and benchmarks). */
  persistent?: boolean;
  log?: (line: string) => void;
  /** false: PostgreSQL's stock memory settings (the bench's before/after); default: sized to the machine. */
  tuned?: boolean;
}

const MB = 1024 * 1024;

/**
 * Memory settings for the machine the embedded server runs on, instead of PostgreSQL's stock ones
 * (128 MB of shared buffers, sized for any laptop): a quarter of the memory for shared buffers (at
 * most 1 GB: several test servers may share a machine), half as the planner's cache estimate, room
 * for index builds, and fewer forced checkpoints under bulk writes. Durability is untouched: fsync
 * and synchronous_commit keep their defaults.
 */
export function tunedSettings(totalBytes = os.totalmem()): Record<string, string> {
  const mb = (bytes: number) => `${Math.max(1, Math.floor(bytes / MB))}MB`;
  return {
    shared_buffers: mb(Math.min(totalBytes / 4, 1024 * MB)),
    effective_cache_size: mb(totalBytes / 2),
    maintenance_work_mem: mb(Math.min(totalBytes / 16, 512 * MB)),
    work_mem: "16MB",
    max_wal_size: "2GB",
    // Solid-state storage: random reads cost about what sequential ones do.
    random_page_cost: "1.1",
  };
}

export interface EmbeddedDatabase extends Database {
  /** Where the data really is (differs from `dir` when running as root, see run-as-postgres.ts). */
  dataDir: string;
}

function urlFor(port: number, database: string) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** Null when a connection succeeds, otherwise why not (e.g. ECONNREFUSED). */
async function connectError(url: string, timeoutMs: number): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => {});
  try {
    await client.connect();
    return null;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return e.code ?? e.message.split("\n")[0];
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureDatabaseExists(port: number, database: string) {
  const client = new pg.Client({ connectionString: urlFor(port, "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { port, database, persistent = true, log = () => {} } = options;
  const url = urlFor(port, database);
  if ((await connectError(urlFor(port, "postgres"), 1000)) === null) {
    await ensureDatabaseExists(port, database);
    log(`Using the embedded PostgreSQL already running on port ${port}`);
    return { url, embedded: true, dataDir: path.resolve(options.dir), stop: async () => {} };
  }
  const native = packagedBinaries();
  let binDir = native.dir;
  let dataDir = path.resolve(options.dir);
  let runAs: RunAs | undefined;
  if (process.getuid?.() === 0) {
    runAs = postgresUser();
    binDir = reachableBinaries(native, runAs);
    dataDir = reachableDataDir(dataDir, runAs, log);
  } else {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  }
  const binaries = path.join(binDir, "bin");
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await initdb({ binDir: binaries, dataDir, user: USER, password: PASSWORD, runAs });
  }
  const server = await startPostgres({
    binDir: binaries,
    dataDir,
    port,
    runAs,
    // TCP on loopback only: no Unix socket, so nothing depends on who may write to /tmp.
    flags: [
      ...["listen_addresses=127.0.0.1", "unix_socket_directories=", "max_connections=200"],
      ...Object.entries(options.tuned === false ? {} : tunedSettings()).map(([key, value]) => `${key}=${value}`),
    ].flatMap((setting) => ["-c", setting]),
    onError: (line) => log(`[postgres] ${line}`),
  });
  try {
    await ensureDatabaseExists(port, database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  log(`Embedded PostgreSQL on 127.0.0.1:${port}, data in ${path.relative(process.cwd(), options.dir) || options.dir}`);
  return {
    url,
    embedded: true,
    dataDir,
    async stop() {
      await server.stop();
      if (!persistent) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** host:port/database of a connection string, never its password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "DATABASE_URL (not a valid URL)";
  }
}

/**
 * DATABASE_URL when set (checked to answer, else a StartupError); otherwise the embedded server
 * under .data/. Unless the caller handles signals itself, Ctrl-C or SIGTERM stop the embedded
 * server before the process exits.
 */
export async function resolveDatabase(
  log: (line: string) => void = console.error,
  { handleSignals = true }: { handleSignals?: boolean } = {},
): Promise<Database> {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    const error = await connectError(url, 5000);
    if (error) {
      throw new StartupError(
        `Cannot reach the database at ${describeDatabaseUrl(url)} (${error}): check DATABASE_URL and that PostgreSQL is running.`,
      );
    }
    return { url, embedded: false, stop: async () => {} };
  }
  const db = await startEmbeddedPostgres({
    dir: path.resolve(process.env.EMBEDDED_PG_DIR ?? ".data/postgres"),
    port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    database: "delivery",
    log,
  });
  process.env.DATABASE_URL = db.url;
  if (handleSignals) {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => void db.stop().finally(() => process.exit(signal === "SIGINT" ? 130 : 143)));
    }
  }
  return db;
}
