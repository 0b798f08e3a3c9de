// ops/: the alert rules and Prometheus config pass promtool, the alerts fire on the numbers they
// are for (ops/prometheus/alerts.test.yml), and the rules and the Grafana dashboard only ask for
// metrics the app exposes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const ops = path.join(root, "ops/prometheus");
const promtool = (args: string[], cwd = ops) => {
  const result = spawnSync("/usr/bin/promtool", args, { cwd, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

/** Metric names the app defines (lib/observability), plus prom-client's defaults and Prometheus's `up`. */
function exposedNames(): Set<string> {
  const dir = path.join(root, "lib/observability");
  const names = new Set(["up", "nodejs_eventloop_lag_p99_seconds", "process_resident_memory_bytes"]);
  for (const file of readdirSync(dir)) {
    for (const m of readFileSync(path.join(dir, file), "utf8").matchAll(/name: "([a-z_]+)"/g)) names.add(m[1]);
    for (const m of readFileSync(path.join(dir, file), "utf8").matchAll(/queueGauge\(\s*"([a-z_]+)"/g)) names.add(m[1]);
  }
  return names;
}

/** The metric names a PromQL expression selects (identifiers followed by `{`). */
const selected = (expr: string) =>
  [...expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\{/g)].map((m) => m[1].replace(/_(bucket|sum|count)$/, ""));

describe("ops/prometheus", () => {
  it("has alert rules promtool accepts", () => {
    const check = promtool(["check", "rules", "alerts.yml"]);
    expect(check.output).toMatch(/SUCCESS: 6 rules found/);
    expect(check.status).toBe(0);
  });

  it("fires each alert on the numbers it is for, and not on healthy ones", () => {
    const test = promtool(["test", "rules", "alerts.test.yml"]);
    expect(test.output).toMatch(/SUCCESS/);
    expect(test.status).toBe(0);
  });

  it("has a Prometheus config promtool accepts", () => {
    // The token file the compose service writes, here a temporary one.
    const tmp = mkdtempSync(path.join(tmpdir(), "delivery-ops-"));
    try {
      writeFileSync(path.join(tmp, "metrics-token"), "x".repeat(24));
      writeFileSync(path.join(tmp, "alerts.yml"), readFileSync(path.join(ops, "alerts.yml")));
      const config = readFileSync(path.join(ops, "prometheus.yml"), "utf8");
      expect(config).toContain("credentials_file: /prometheus/metrics-token");
      writeFileSync(path.join(tmp, "prometheus.yml"), config.replaceAll("/prometheus/metrics-token", "metrics-token"));
      const check = promtool(["check", "config", "prometheus.yml"], tmp);
      expect(check.output).toMatch(/SUCCESS/);
      expect(check.status).toBe(0);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("asks only for metrics the app exposes, in the rules and the dashboard", () => {
    const names = exposedNames();
    const rules = readFileSync(path.join(ops, "alerts.yml"), "utf8");
    const dashboard = JSON.parse(
      readFileSync(path.join(root, "ops/grafana/dashboards/delivery-platform.json"), "utf8"),
    );
    const exprs: string[] = dashboard.panels.flatMap((p: { targets: { expr: string }[] }) =>
      p.targets.map((t) => t.expr),
    );
    expect(exprs.length).toBeGreaterThan(10);
    const used = [...selected(rules), ...exprs.flatMap(selected)];
    expect(used.length).toBeGreaterThan(15);
    for (const name of used) expect([...names], name).toContain(name);
  });
});
