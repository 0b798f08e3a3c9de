// The database every command uses: DATABASE_URL, or an embedded PostgreSQL under .data/ with its own
// random password (0600 file) and a non-superuser app role, reused by a second command only once it
// proves to be this install's. Details, and how older installs move over: docs/security.md.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { initdb, packagedBinaries, startPostgres, type RunAs } from "./postgres-process.ts";
import { postgresUser, reachableBinaries, reachableDataDir } from "./run-as-postgres.ts";
import { StartupError } from "./startup-error.ts";

export { StartupError };

const SUPERUSER = "postgres";
const APP_ROLE = "delivery_app";
/** What every install used before it had its own. */
const LEGACY_PASSWORD = "postgres";

/** Where an embedded data directory's password is kept: beside it, readable by its owner only. */
export function passwordFileFor(dir: string): string {
  const resolved = path.resolve(dir);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}.password`);
}

function readPassword(file: string): string | null {
  try {
    return readFileSync(file, "utf8").trim() || null;
  } catch {
    return null;
  }
}

function writePassword(file: string, password: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
}

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
  /** The 0600 file holding this install's password. */
  passwordFile: string;
  /** The superuser's URL, for tools that read or reset server-wide statistics (the bench); never the app's. */
  superuserUrl: string;
}

function urlFor(port: number, database: string, password: string, user = SUPERUSER) {
  return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
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

async function withSuperuser<T>(port: number, password: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor(port, "postgres", password), connectionTimeoutMillis: 5000 });
  client.on("error", () => {});
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The database, created on first use owned by the app's own role (no superuser: an injected query
 * cannot read files or run programs). Returns who the app connects as: that role, or the superuser
 * for a database from before, whose tables the superuser owns.
 */
async function ensureDatabase(client: pg.Client, database: string, password: string): Promise<string> {
  const role = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
  const secret = quoteLiteral(password);
  if (!role.rowCount) {
    await client.query(`CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEROLE CREATEDB PASSWORD ${secret}`);
  } else {
    await client.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN NOSUPERUSER PASSWORD ${secret}`);
  }
  const existing = await client.query<{ owner: string }>(
    "SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1",
    [database],
  );
  if (!existing.rowCount) {
    await client.query(`CREATE DATABASE ${quoteIdent(database)} OWNER ${APP_ROLE}`);
    return APP_ROLE;
  }
  return existing.rows[0].owner === APP_ROLE ? APP_ROLE : SUPERUSER;
}

function sameDirectory(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

/**
 * A server already on our port is used only when it is this install's: it accepts our password
 * (or, for an install that never had its own, the old one) and serves our data directory.
 * Anything else would receive every row we write.
 */
async function adoptRunningServer(options: EmbeddedOptions, file: string): Promise<string> {
  const { port } = options;
  const notOurs = (why: string) =>
    new StartupError(
      `Port ${port} is taken by a PostgreSQL that is not this install's (${why}): stop it, or set EMBEDDED_PG_PORT to another port.`,
    );
  const known = readPassword(file);
  const password = known ?? LEGACY_PASSWORD;
  const dataDirectory = await withSuperuser(port, password, async (client) => {
    const { rows } = await client.query<{ setting: string }>("SELECT current_setting('data_directory') AS setting");
    return rows[0].setting;
  }).catch((error: Error & { code?: string }) => {
    throw notOurs(error.code === "28P01" ? "it refuses this install's password" : (error.code ?? error.message));
  });
  if (!sameDirectory(dataDirectory, options.dir)) throw notOurs(`it serves ${dataDirectory}`);
  return known ?? (await rotateLegacyPassword(port, file));
}

/** An install still on the shared password gets its own, saved before the server is told. */
async function rotateLegacyPassword(port: number, file: string): Promise<string> {
  const password = randomBytes(24).toString("base64url");
  writePassword(file, password);
  await withSuperuser(port, LEGACY_PASSWORD, (client) =>
    client.query(`ALTER ROLE ${SUPERUSER} PASSWORD ${quoteLiteral(password)}`),
  );
  return password;
}

/** TCP only: does anything accept connections on the port? */
function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setTimeout(1000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(false));
  });
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { port, database, persistent = true, log = () => {} } = options;
  const file = passwordFileFor(options.dir);
  if (await portAnswers(port)) {
    const password = await adoptRunningServer(options, file);
    const user = await withSuperuser(port, password, (client) => ensureDatabase(client, database, password));
    log(`Using the embedded PostgreSQL already running on port ${port}`);
    return {
      url: urlFor(port, database, password, user),
      superuserUrl: urlFor(port, database, password),
      embedded: true,
      dataDir: path.resolve(options.dir),
      passwordFile: file,
      stop: async () => {},
    };
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
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  let password = readPassword(file);
  if (fresh) {
    if (!password) writePassword(file, (password = randomBytes(24).toString("base64url")));
    await initdb({ binDir: binaries, dataDir, user: SUPERUSER, password, runAs });
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
  let user: string;
  try {
    password ??= await rotateLegacyPassword(port, file);
    const pw = password;
    user = await withSuperuser(port, pw, (client) => ensureDatabase(client, database, pw));
  } catch (error) {
    await server.stop();
    throw error;
  }
  log(`Embedded PostgreSQL on 127.0.0.1:${port}, data in ${path.relative(process.cwd(), options.dir) || options.dir}`);
  return {
    url: urlFor(port, database, password, user),
    superuserUrl: urlFor(port, database, password),
    embedded: true,
    dataDir,
    passwordFile: file,
    async stop() {
      await server.stop();
      if (!persistent) {
        rmSync(dataDir, { recursive: true, force: true });
        rmSync(file, { force: true });
      }
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
