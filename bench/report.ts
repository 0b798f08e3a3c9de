// The machine, the table on the console, and bench/results/<name>.{json,md,svg}.
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chart } from "./chart";
import type { Results, Scenario } from "./results";

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
  `| ${s.name} | ${s.requestsPerSec.toFixed(0)} | ${s.p50Ms} | ${s.p99Ms} | ${s.errors} | ${s.non2xx} | ` +
  (s.cpu
    ? `${s.cpu.serverMs} | ${s.cpu.postgresMs} | ${s.cpu.otherMs} | ${s.cpu.machineBusyPct} % | ${s.peakRssMb ?? ""} |`
    : `| | | | |`);

export function markdown(r: Results, name: string): string {
  const m = r.machine;
  const s = r.settings;
  return [
    `# Benchmark results`,
    ``,
    `${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; PostgreSQL ${m.postgres} (embedded).`,
    `\`uptime\` at start: \`${m.uptimeAtStart}\`; load average at end ${m.loadAverageAtEnd} (the machine is shared: figures are noisy).`,
    `${s.rows.toLocaleString("en")} deliveries over 50 partners (seeded in ${r.seedSeconds} s); ${s.connections} connections, ` +
      `${s.durationSeconds} s per scenario, load generator ${s.loadGenerator} on the same machine; server workers: ${s.workers} ` +
      `(${r.serverProcesses} processes); app pool ${s.poolSize} connections per process; background work: ${s.background}; PostgreSQL memory: ${s.postgresMemory ?? "stock"}.`,
    ``,
    `![req/s and p99 per scenario](${name}.svg)`,
    ``,
    `CPU columns: milliseconds of CPU per request spent by the server's processes, by PostgreSQL's, and by`,
    `the rest of the machine (mostly the load generator), and how busy both cores were; RSS: the busiest`,
    `server process's peak during the scenario.`,
    ``,
    `| scenario | req/s | p50 ms | p99 ms | errors | non-2xx | server CPU ms | pg CPU ms | other CPU ms | busy | RSS MB |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
    ...r.scenarios.map(row),
    ``,
    `API / database ceiling: ${Object.entries(r.ratios)
      .map(([k, v]) => `${k} **${v}**`)
      .join(", ")}. Peak RSS of one server process **${r.peakRssMb} MB**. Server shutdown: ${r.serverShutdown}.`,
    ``,
    `Import: ${importLine(r)}.`,
    ``,
    ...(r.backgroundDrains?.length
      ? [
          `Background work left by a scenario, finished before the next one started:`,
          ``,
          ...r.backgroundDrains.map((d) =>
            d.events === undefined
              ? `- after ${d.after}: ${d.runs} runs in ${d.seconds} s (${Math.round(d.runs / d.seconds)} runs/s)`
              : `- after ${d.after}: ${d.events} events' side effects (${d.runs} runs) in ${d.seconds} s (${Math.round(d.events / d.seconds)} events/s); CPU per event: server ${d.cpu?.serverMs} ms, PostgreSQL ${d.cpu?.postgresMs} ms`,
          ),
          ``,
        ]
      : []),
    `Index scans during the HTTP scenarios (pg_stat_user_indexes):`,
    ``,
    ...Object.entries(r.indexScans).map(([k, v]) => `- ${k}: ${v}`),
    ...(r.profile
      ? [``, `CPU profile of the server (self time, top entries):`, ``, ...r.profile.map((l) => `- ${l}`)]
      : []),
    ``,
  ].join("\n");
}

export function write(dir: string, name: string, r: Results) {
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(r, null, 2) + "\n");
  writeFileSync(path.join(dir, `${name}.md`), markdown(r, name));
  writeFileSync(path.join(dir, `${name}.svg`), chart(r));
}

function importLine(r: Results): string {
  const i = r.import;
  if (!i || i === "skipped") return "not run (no background work in this run)";
  return (
    `${i.rows.toLocaleString("en")} rows in ${i.totalSeconds} s from upload to the last row created ` +
    `(**${i.rowsPerSec} rows/s**; upload and dry run ${i.uploadSeconds} s; ${i.created.toLocaleString("en")} created)` +
    (i.sideEffectsSeconds === undefined
      ? ""
      : `; every row's side effects done ${i.sideEffectsSeconds} s after the upload`)
  );
}

export function printTable(r: Results, expectedNon2xx: Set<string>) {
  console.log();
  console.table(
    r.scenarios.map((s) => ({
      scenario: s.name,
      "req/s": s.requestsPerSec,
      p50: s.p50Ms,
      p99: s.p99Ms,
      errors: s.errors,
      non2xx: expectedNon2xx.has(s.name) ? `${s.non2xx} (by design)` : s.non2xx,
      "cpu ms server/pg/other": s.cpu ? `${s.cpu.serverMs}/${s.cpu.postgresMs}/${s.cpu.otherMs}` : "",
      "busy %": s.cpu?.machineBusyPct ?? "",
      "rss MB": s.peakRssMb ?? "",
    })),
  );
  console.log(
    `ratios: ${Object.entries(r.ratios)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}; peak RSS of one server process ${r.peakRssMb} MB`,
  );
  console.log(`import: ${importLine(r)}`);
}
