// The shape of one bench run, as written to bench/results/<name>.json.
import type { DrainRun } from "./drain";
import type { ImportRun } from "./import";
import type { CpuSplit } from "./proc";
import type { Measured } from "./stats";
import type { LiveRun } from "./live";

export type Scenario = Omit<Measured, "total"> & {
  name: string;
  /** CPU per request by server, PostgreSQL and the rest (HTTP scenarios; bench/proc.ts). */
  cpu?: CpuSplit;
  /** The busiest server process's peak resident memory during the scenario. */
  peakRssMb?: number;
};

export interface Results {
  machine: Record<string, string | number>;
  settings: {
    rows: number;
    connections: number;
    durationSeconds: number;
    poolSize: number;
    loadGenerator: string;
    workers: string;
    background: string;
    /** PostgreSQL memory settings: sized to the machine (scripts/lib/database.ts) or stock. */
    postgresMemory?: string;
  };
  /** The HTTP scenarios, then the database ceilings (names starting with "ceiling:"). */
  scenarios: Scenario[];
  ratios: Record<string, number>;
  /**
   * The background work each scenario left behind (its creates' email, notification and webhook
   * runs), finished before the next scenario started: the embedded executor's throughput.
   */
  /**
   * The side effects a scenario left, finished before the next one: runs, events (a create's
   * event counts once however many functions it triggers) and the CPU per event meanwhile.
   */
  backgroundDrains?: { after: string; runs: number; events?: number; seconds: number; cpu?: CpuSplit }[];
  /** Creates at a steady rate, each followed to its webhook (bench/drain.ts). */
  drain?: DrainRun | "skipped";
  /** The bulk import of 10,000 rows (bench/import.ts); skipped when no background work runs. */
  import?: ImportRun | "skipped";
  /** Event streams open at once: memory per stream and one change's fan-out. */
  live?: LiveRun | "skipped";
  /** Of the busiest server process (the primary or one cluster worker). */
  peakRssMb: number;
  serverProcesses: number;
  /** How the server ended on SIGTERM after the scenarios, and how long its drain took. */
  serverShutdown: string;
  seedSeconds: number;
  /** pg_stat_user_indexes.idx_scan per index over the HTTP scenarios. */
  indexScans: Record<string, number>;
  profile?: string[];
}
