// The GitHub workflow and .ci/run must run the same package.json scripts, so they cannot drift.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
const workflow = parse(readFileSync(path.join(root, ".github/workflows/ci.yml"), "utf8")) as {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] }>;
};

const scriptsIn = (command: string) => [...command.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.map((s) => s.run ?? ""));

describe("CI workflow", () => {
  it("runs on pull requests and pushes to main", () => {
    expect(workflow.on).toHaveProperty("pull_request");
    expect(workflow.on.push).toEqual({ branches: ["main"] });
  });

  it("only calls scripts that exist in package.json", () => {
    const called = runs.flatMap(scriptsIn);
    expect(called.length).toBeGreaterThan(5);
    for (const script of called) expect(Object.keys(pkg.scripts), script).toContain(script);
  });

  it("runs every step of `npm test`, which is what .ci/run runs", () => {
    expect(readFileSync(path.join(root, ".ci/run"), "utf8")).toMatch(/^npm test$/m);
    const testSteps = scriptsIn(pkg.scripts.test);
    const called = new Set(runs.flatMap(scriptsIn));
    for (const step of testSteps) expect([...called], step).toContain(step);
  });

  it("proves, in both, that a fresh clone in a private folder starts and keeps its data", () => {
    expect(readFileSync(path.join(root, ".ci/run"), "utf8")).toMatch(/^\.ci\/fresh-clone-start$/m);
    expect(runs).toContain(".ci/fresh-clone-start");
    const script = readFileSync(path.join(root, ".ci/fresh-clone-start"), "utf8");
    expect(script).toMatch(/mktemp -d/);
    expect(script).toMatch(/chmod 700/);
    expect(script).toMatch(/api\/health/);
  });

  it("uses the Node version from .nvmrc with npm caching, and checks migrations in a job of its own", () => {
    const setup = workflow.jobs.test.steps.find((s) => s.uses?.startsWith("actions/setup-node"));
    expect(setup?.with).toMatchObject({ "node-version-file": ".nvmrc", cache: "npm" });
    expect(workflow.jobs.migrations.steps.some((s) => s.run === "npm run db:migrate:check")).toBe(true);
  });

  it("uploads the Playwright report when the run fails", () => {
    const upload = workflow.jobs.test.steps.find((s) => s.uses?.startsWith("actions/upload-artifact"));
    expect(upload).toMatchObject({ if: "failure()" });
  });
});
