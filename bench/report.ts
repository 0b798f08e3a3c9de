// The machine, the table on the console, and bench/results/latest.{json,md}.
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Measured } from "./stats";

export type Scenario = Omit<Measured, "total"> & { name: string };

export interface Results {
  machine: Record<string, string | number>;
  settings: { rows: number; connections: number; durationSeconds: number; poolSize: number };
  /** The HTTP scenarios, then the database ceilings (names starting with "ceiling:"). */
  scenarios: Scenario[];
  ratios: { create: number; list: number };
  peakRssMb: number;
  seedSeconds: number;
  profile?: string[];
}

export function machine(postgres: string): Record<string, string | number> {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres,
    loadAverageAtStart: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
  };
}

const row = (s: Scenario) =>
  `| ${s.name} | ${s.requestsPerSec.toFixed(0)} | ${s.p50Ms} | ${s.p99Ms} | ${s.errors} | ${s.non2xx} |`;

export function markdown(r: Results): string {
  const m = r.machine;
  return [
    `# Benchmark results`,
    ``,
    `${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; PostgreSQL ${m.postgres} (embedded, default settings).`,
    `Load average at start ${m.loadAverageAtStart}, at end ${m.loadAverageAtEnd} (the machine is shared: figures are noisy).`,
    `${r.settings.rows.toLocaleString("en")} deliveries over 50 partners (seeded in ${r.seedSeconds} s); ${r.settings.connections} connections, ` +
      `${r.settings.durationSeconds} s per scenario; app pool ${r.settings.poolSize} connections; load generator on the same machine.`,
    ``,
    `| scenario | req/s | p50 ms | p99 ms | errors | non-2xx |`,
    `|---|---:|---:|---:|---:|---:|`,
    ...r.scenarios.map(row),
    ``,
    `API / database ceiling: create **${r.ratios.create}**, list **${r.ratios.list}**. Peak server RSS **${r.peakRssMb} MB**.`,
    ...(r.profile
      ? [``, `CPU profile of the server (self time, top entries):`, ``, ...r.profile.map((l) => `- ${l}`)]
      : []),
    ``,
  ].join("\n");
}

export function write(dir: string, r: Results) {
  writeFileSync(path.join(dir, "latest.json"), JSON.stringify(r, null, 2) + "\n");
  writeFileSync(path.join(dir, "latest.md"), markdown(r));
}

export function printTable(r: Results) {
  console.log();
  console.table(
    r.scenarios.map((s) => ({
      scenario: s.name,
      "req/s": s.requestsPerSec,
      p50: s.p50Ms,
      p99: s.p99Ms,
      errors: s.errors,
      non2xx: s.non2xx,
    })),
  );
  console.log(`ratios: create ${r.ratios.create}, list ${r.ratios.list}; peak server RSS ${r.peakRssMb} MB`);
}
