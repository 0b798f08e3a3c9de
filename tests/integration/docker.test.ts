// No Docker engine runs on the build machines, so the Dockerfile and docker-compose.yml are checked
// by parsing them, and the migration bundle the image runs on start is built and run for real.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { parse } from "yaml";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
const compose = parse(readFileSync(path.join(ROOT, "docker-compose.yml"), "utf8")) as {
  services: Record<string, Service>;
};
const dockerfile = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
const stages = dockerfile
  .split(/^FROM /m)
  .slice(1)
  .map((s) => ({ header: s.split("\n")[0], body: s }));

describe("docker-compose.yml", () => {
  const { postgres, inngest, app } = compose.services;

  it("runs PostgreSQL 18, the Inngest dev server and the app", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["app", "inngest", "postgres"]);
    expect(postgres.image).toMatch(/^postgres:18\b/);
    expect(inngest.image).toMatch(/^inngest\/inngest\b/);
    expect(app.build).toBeDefined();
  });

  it("points the Inngest dev server at the app's serve route, and the app at the dev server", () => {
    expect(inngest.command?.slice(0, 4)).toEqual(["inngest", "dev", "-u", "http://app:3000/api/inngest"]);
    expect(inngest.ports).toContain("8288:8288");
    expect(app.environment).toMatchObject({ INNGEST_DEV: "1", INNGEST_BASE_URL: "http://inngest:8288", PORT: "3000" });
  });

  it("connects the app to the postgres service and starts it only when the database is healthy", () => {
    const { POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB } = postgres.environment!;
    expect(app.environment!.DATABASE_URL).toBe(
      `postgresql://${POSTGRES_USER}:${POSTGRES_PASSWORD}@postgres:5432/${POSTGRES_DB}`,
    );
    expect(app.depends_on?.postgres).toEqual({ condition: "service_healthy" });
    expect(app.depends_on?.inngest).toBeDefined();
    expect(postgres.healthcheck?.test.join(" ")).toContain("pg_isready");
    expect(app.healthcheck?.test.join(" ")).toContain("/api/health");
    expect(app.ports).toContain("3000:3000");
    expect(app.environment).toHaveProperty("AUTH_SECRET");
  });
});

describe("Dockerfile", () => {
  it("builds in stages and runs the standalone server as a non-root user", () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const runtime = stages.at(-1)!.body;
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toContain("NODE_ENV=production");
    expect(runtime).toMatch(/COPY --from=build .*\/app\/\.next\/standalone \.\//);
    expect(runtime).toContain("node scripts/db/migrate.mjs deploy && exec node server.js");
    expect(runtime).toMatch(/^HEALTHCHECK .*\/api\/health/m);
    expect(runtime).toContain("EXPOSE 3000");
  });

  it("copies only runtime files into the final stage (no sources, no full node_modules)", () => {
    const copies = stages
      .at(-1)!
      .body.split("\n")
      .filter((l) => l.startsWith("COPY"));
    for (const line of copies) expect(line).toMatch(/--from=build/);
    expect(copies.join("\n")).not.toMatch(/\/app\/node_modules \.\/node_modules|\/app\/lib |\/app\/app |COPY \. /);
    expect(stages.find((s) => s.header.includes("AS build"))!.body).toMatch(/NEXT_OUTPUT=standalone/);
  });

  it("has a migration bundle that runs without tsx or dev dependencies", async () => {
    // The same layout the runtime stage builds: bundle, prisma/, and the engine's wasm only.
    const dir = mkdtempSync(path.join(tmpdir(), "migrator-"));
    try {
      await run(path.join(ROOT, "node_modules/.bin/tsx"), [
        path.join(ROOT, "scripts/build-migrator.ts"),
        path.join(dir, "scripts/db/migrate.mjs"),
      ]);
      mkdirSync(path.join(dir, "node_modules/prisma/build"), { recursive: true });
      cpSync(path.join(ROOT, "node_modules/prisma/package.json"), path.join(dir, "node_modules/prisma/package.json"));
      cpSync(
        path.join(ROOT, "node_modules/prisma/build/schema_engine_bg.wasm"),
        path.join(dir, "node_modules/prisma/build/schema_engine_bg.wasm"),
      );
      cpSync(path.join(ROOT, "prisma"), path.join(dir, "prisma"), { recursive: true });
      const { stdout } = await run(process.execPath, [path.join(dir, "scripts/db/migrate.mjs"), "deploy"], {
        cwd: dir,
        env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: inject("databaseUrl") },
      });
      expect(stdout).toMatch(/No pending migrations|already applied|successfully applied/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
