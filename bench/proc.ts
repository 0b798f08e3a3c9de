// What /proc says about a scenario: CPU time of the server, PostgreSQL and the rest (mostly the load
// generator), and the server's peak memory. On two shared cores, throughput is bounded by 2,000 ms
// of CPU per second divided by the per-request sum.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** CPU milliseconds per request, and how busy the machine was (100 % = every core). */
export interface CpuSplit {
  serverMs: number;
  postgresMs: number;
  otherMs: number;
  machineBusyPct: number;
}

const TICK_MS = 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

/** A process and its descendants (cluster workers; PostgreSQL's backends). */
export function processTree(pid: number): number[] {
  try {
    const children = readdirSync(`/proc/${pid}/task`).flatMap((t) =>
      readFileSync(`/proc/${pid}/task/${t}/children`, "utf8").split(" ").filter(Boolean).map(Number),
    );
    return [pid, ...children.flatMap(processTree)];
  } catch {
    return [];
  }
}

/**
 * CPU clock ticks a process has used, user and system, its reaped children included (cutime,
 * cstime): a backend that exits mid-scenario moves its time into the postmaster's, so differences
 * over a process tree stay exact.
 */
export function processTicks(pid: number): number {
  // The command name may hold spaces: the fields that follow start after its closing ")".
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
}

function treeTicks(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      ticks += processTicks(p);
    } catch {
      // exited between listing and reading: its time is in its parent's cutime by now
    }
  }
  return ticks;
}

function machineTicks(): { busy: number; total: number } {
  const [, ...values] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const n = values.map(Number);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - n[3] - n[4], total }; // idle and iowait are not busy
}

/**
 * Peak resident memory of the busiest server process: sampled VmRSS, and at the end the kernel's
 * high-water mark. `window()` gives the peak since its last call (one scenario's).
 */
export function rssWatcher(pid: number) {
  const peaks = new Map<number, number>();
  let windowPeak = 0;
  const read = (p: number, field: string) => {
    try {
      return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  const sample = (field: string) => {
    for (const p of processTree(pid)) {
      const kb = read(p, field);
      peaks.set(p, Math.max(peaks.get(p) ?? 0, kb));
      windowPeak = Math.max(windowPeak, kb);
    }
  };
  const timer = setInterval(() => sample("VmRSS"), 250);
  const mb = (kb: number) => Math.round(kb / 1024);
  return {
    window: () => {
      sample("VmRSS");
      const peak = windowPeak;
      windowPeak = 0;
      return mb(peak);
    },
    stop: () => {
      clearInterval(timer);
      sample("VmHWM");
      return { processes: peaks.size, peakMb: mb(Math.max(0, ...peaks.values())) };
    },
  };
}

/** Whether a backend's pid is a PostgreSQL process here (a remote server's pids mean nothing here). */
export function localPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres";
  } catch {
    return false;
  }
}

/** The parent of a PostgreSQL backend is the postmaster. */
export function parentOf(pid: number): number {
  return Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
}

export function cpuMeter(serverPid: number, postgresPid: number) {
  const snapshot = () => ({ server: treeTicks(serverPid), postgres: treeTicks(postgresPid), machine: machineTicks() });
  return {
    /** Starts measuring; the function it returns ends it and splits the time over `requests`. */
    start() {
      const before = snapshot();
      return (requests: number): CpuSplit => {
        const after = snapshot();
        const per = (ticks: number) => Math.round(((ticks * TICK_MS) / Math.max(1, requests)) * 100) / 100;
        const server = after.server - before.server;
        const postgres = after.postgres - before.postgres;
        const busy = after.machine.busy - before.machine.busy;
        return {
          serverMs: per(server),
          postgresMs: per(postgres),
          otherMs: per(Math.max(0, busy - server - postgres)),
          machineBusyPct: Math.round((busy / Math.max(1, after.machine.total - before.machine.total)) * 100),
        };
      };
    },
  };
}
