// Resolves the database every command uses (DESIGN §10): DATABASE_URL when set, otherwise an
// embedded PostgreSQL whose data lives under .data/ and survives restarts. A second command
// (say `npm run admin` beside `npm run dev`) reuses the server the first one started.
import { existsSync, mkdirSync, rmSync } from "node:fs";
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
    flags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
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
