// PostgreSQL refuses to run as root, so as root the embedded server runs as the `postgres` OS user,
// with binaries staged and data kept where that user can reach them when the checkout sits in a
// private (0700) folder (docs/toolchain.md). Nothing here runs for other users.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import path from "node:path";
import type { RunAs } from "./postgres-process.ts";
import { StartupError } from "./startup-error.ts";

/** Where binaries and data go when the checkout is out of the `postgres` user's reach. */
export const ROOT_HOME = "/var/lib/delivery-platform";

const idOf = (flag: "-u" | "-g") => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());

/** The `postgres` OS user, created (as a system account without a shell) when missing. */
export function postgresUser(): RunAs {
  try {
    return { uid: idOf("-u"), gid: idOf("-g") };
  } catch {
    // not there yet
  }
  try {
    try {
      execFileSync("getent", ["group", "postgres"], { stdio: "ignore" });
    } catch {
      execFileSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
    }
    execFileSync(
      "useradd",
      ["--system", "--gid", "postgres", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"],
      {
        stdio: "ignore",
      },
    );
    return { uid: idOf("-u"), gid: idOf("-g") };
  } catch (error) {
    throw new StartupError(
      `Running as root, the embedded PostgreSQL needs a "postgres" OS user, and creating it failed (${(error as Error).message.split("\n")[0]}): create it, run as another user, or set DATABASE_URL.`,
    );
  }
}

/** Whether `who` may search (x) the directory, judged by its owner, group and mode. */
function canSearch(dir: string, who: RunAs): boolean {
  const { mode, uid, gid } = statSync(dir);
  if (uid === who.uid) return (mode & 0o100) !== 0;
  if (gid === who.gid) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

/** Whether `who` can traverse every existing folder from / down to `target` (itself included). */
export function canReach(target: string, who: RunAs): boolean {
  let dir = path.resolve(target);
  while (!existsSync(dir)) dir = path.dirname(dir);
  const real = realpathSync(dir);
  const chain: string[] = [];
  for (let d = real; ; d = path.dirname(d)) {
    chain.push(d);
    if (d === path.dirname(d)) break;
  }
  return chain.every((d) => !statSync(d).isDirectory() || canSearch(d, who));
}

function prepareHome(what: string): void {
  try {
    mkdirSync(ROOT_HOME, { recursive: true });
    chmodSync(ROOT_HOME, 0o755);
  } catch (error) {
    throw new StartupError(
      `The embedded PostgreSQL runs as the "postgres" user, which cannot reach ${what}, and ${ROOT_HOME} could not be prepared for it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): set DATABASE_URL, run as a non-root user, or clone into a folder whose parents others may traverse.`,
    );
  }
}

/** Readable (and, where executable, runnable) by everyone: umask 077 checkouts copy as 0600. */
function openUp(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) openUp(full);
    else {
      const { mode } = statSync(full);
      chmodSync(full, mode | 0o444 | (mode & 0o100 ? 0o111 : 0));
    }
  }
}

/** A folder holding bin/, lib/ and share/ that `who` can reach: the packaged one, or a staged copy. */
export function reachableBinaries(native: { dir: string; version: string }, who: RunAs): string {
  if (canReach(path.join(native.dir, "bin", "postgres"), who)) return native.dir;
  prepareHome(native.dir);
  const staged = path.join(ROOT_HOME, `postgres-${native.version}-${process.platform}-${process.arch}`);
  if (existsSync(path.join(staged, "bin", "postgres"))) return staged;
  // Copy beside, then rename: a concurrent start never sees half a copy.
  const partial = `${staged}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(native.dir, partial, { recursive: true, verbatimSymlinks: true });
  openUp(partial);
  try {
    renameSync(partial, staged);
  } catch {
    rmSync(partial, { recursive: true, force: true }); // another process staged it first
  }
  return staged;
}

function ownedBy(dir: string, who: RunAs): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { uid } = statSync(dir);
  if (uid !== who.uid) {
    chownSync(dir, who.uid, who.gid);
    chmodSync(dir, 0o700);
  }
  return dir;
}

/**
 * The real data folder to hand to PostgreSQL for `dir` (the checkout's path, e.g. .data/postgres):
 * `dir` itself when `who` can reach it; otherwise a folder under ROOT_HOME that `dir` links to.
 */
export function reachableDataDir(dir: string, who: RunAs, log: (line: string) => void): string {
  dir = path.resolve(dir);
  const link = lstatSync(dir, { throwIfNoEntry: false });
  if (link?.isSymbolicLink()) {
    const target = path.resolve(path.dirname(dir), readlinkSync(dir));
    if (!canReach(path.dirname(target), who)) throw unreachable(target);
    return ownedBy(target, who);
  }
  if (link) {
    if (canReach(dir, who)) return ownedBy(dir, who);
    throw unreachable(dir);
  }
  mkdirSync(path.dirname(dir), { recursive: true });
  if (canReach(path.dirname(dir), who)) return ownedBy(dir, who);
  prepareHome(dir);
  const id = createHash("sha256").update(dir).digest("hex").slice(0, 16);
  const target = ownedBy(path.join(ROOT_HOME, "data", id), who);
  chmodSync(path.join(ROOT_HOME, "data"), 0o755);
  symlinkSync(target, dir);
  log(`${dir} is out of the postgres user's reach: its data lives in ${target}, which it links to`);
  return target;
}

function unreachable(dir: string): StartupError {
  return new StartupError(
    `The embedded PostgreSQL runs as the "postgres" user, which cannot reach its data in ${dir}: move that folder away (a new one is then set up where it can), make its parents traversable, or set DATABASE_URL.`,
  );
}
