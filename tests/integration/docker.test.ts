// No Docker engine runs on the build machines, so the Dockerfile and docker-compose.yml are checked
// by parsing them, and the migration bundle the image runs on start is built and run for real.
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { freePort, RAISED_RATE_LIMITS, waitForHealth } from "../support/app-server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

interface Service {
  image?: string;
  profiles?: string[];
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
const composeText = readFileSync(path.join(ROOT, "docker-compose.yml"), "utf8");
// Compose resolves YAML merge keys (`<<: *app`); so must we.
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service> };
const dockerfile = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
const stages = dockerfile
  .split(/^FROM /m)
  .slice(1)
  .map((s) => ({ header: s.split("\n")[0], body: s }));

describe("docker-compose.yml", () => {
  const { postgres, inngest, app } = compose.services;

  it("runs PostgreSQL 18, a self-hosted Inngest server and the app by default", () => {
    const byDefault = Object.entries(compose.services).filter(([, s]) => !s.profiles?.length);
    expect(byDefault.map(([name]) => name).sort()).toEqual(["app", "inngest", "postgres"]);
    expect(postgres.image).toMatch(/^postgres:18\b/);
    expect(inngest.image).toMatch(/^inngest\/inngest\b/);
    expect(app.build).toBeDefined();
  });

  it("pins every image to a version", () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (service.image) expect(service.image, name).toMatch(/:(v?\d+)(\.\d+)*$/);
    }
  });

  it("points Inngest at the app's serve route and the app at Inngest, every call signed with one key", () => {
    expect(inngest.command?.slice(0, 4)).toEqual(["inngest", "start", "-u", "http://app:3000/api/inngest"]);
    expect(inngest.ports).toEqual(["127.0.0.1:8288:8288"]);
    // No dev mode anywhere: the dev server signs nothing, so the app would run any call it is sent.
    for (const service of Object.values(compose.services))
      expect(service.environment ?? {}).not.toHaveProperty("INNGEST_DEV");
    expect(app.environment).toMatchObject({
      INNGEST_BASE_URL: "http://inngest:8288",
      INNGEST_SERVE_ORIGIN: "http://app:3000",
      PORT: "3000",
    });
    for (const key of ["INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY"]) {
      expect(app.environment![key]).toMatch(new RegExp(`^\\$\\{${key}:\\?[^}]+\\}$`));
      expect(inngest.environment![key]).toBe(app.environment![key]);
    }
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
    expect(app.ports).toEqual(["127.0.0.1:3000:3000"]);
  });

  it("publishes every port on this machine's loopback only", () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const port of service.ports ?? []) expect(port, name).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
    }
  });

  it("has no default AUTH_SECRET: Compose refuses to start without one", () => {
    for (const name of ["app", "app-production"]) {
      expect(compose.services[name].environment!.AUTH_SECRET).toMatch(/^\$\{AUTH_SECRET:\?[^}]+\}$/);
    }
    expect(composeText).not.toMatch(/AUTH_SECRET:-/);
  });

  describe("profile production", () => {
    const { "inngest-server": server, "inngest-postgres": db, "inngest-redis": redis } = compose.services;
    const production = compose.services["app-production"];

    it("runs self-hosted `inngest start` with signing and event keys, its own PostgreSQL and Redis", () => {
      for (const s of [server, db, redis, production]) expect(s.profiles).toEqual(["production"]);
      expect(server.image).toMatch(/^inngest\/inngest\b/);
      expect(server.command?.slice(0, 2)).toEqual(["inngest", "start"]);
      expect(server.command).toContain("http://app-production:3000/api/inngest");
      expect(server.environment).toMatchObject({
        INNGEST_SIGNING_KEY: expect.stringContaining("INNGEST_SIGNING_KEY"),
        INNGEST_EVENT_KEY: expect.stringContaining("INNGEST_EVENT_KEY"),
        INNGEST_POSTGRES_URI: expect.stringMatching(/^postgresql:\/\/[^@]+@inngest-postgres:5432\//),
        INNGEST_REDIS_URI: "redis://inngest-redis:6379",
      });
      expect(db.image).toMatch(/^postgres:18\b/);
      expect(redis.image).toMatch(/^redis:/);
      expect(server.depends_on).toEqual({
        "inngest-postgres": { condition: "service_healthy" },
        "inngest-redis": { condition: "service_healthy" },
      });
    });

    it("runs the app in Inngest's cloud mode against it, with the same keys", () => {
      expect(production.build).toBeDefined();
      expect(production.environment).not.toHaveProperty("INNGEST_DEV");
      expect(production.environment).toMatchObject({
        INNGEST_BASE_URL: "http://inngest-server:8288",
        INNGEST_SIGNING_KEY: server.environment!.INNGEST_SIGNING_KEY,
        INNGEST_EVENT_KEY: server.environment!.INNGEST_EVENT_KEY,
        DATABASE_URL: app.environment!.DATABASE_URL,
      });
      expect(production.healthcheck?.test.join(" ")).toContain("/api/health");
    });
  });
});

describe("Dockerfile", () => {
  it("builds in stages and runs the standalone build through our server as a non-root user", () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const runtime = stages.at(-1)!.body;
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toContain("NODE_ENV=production");
    expect(runtime).toMatch(/COPY --from=build .*\/app\/\.next\/standalone \.\//);
    expect(runtime).toContain("node scripts/db/migrate.mjs deploy && exec node scripts/server.mjs");
    expect(runtime).toMatch(/^COPY --from=build .*\/app\/scripts\/server\.mjs \.\/scripts\/server\.mjs$/m);
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

  it("carries the operator CLI, bundled so that it runs without tsx or sources", async () => {
    expect(stages.find((s) => s.header.includes("AS build"))!.body).toMatch(
      /npm run build:admin -- dist\/scripts\/admin\.mjs/,
    );
    expect(stages.at(-1)!.body).toMatch(
      /^COPY --from=build .*\/app\/dist\/scripts\/admin\.mjs \.\/scripts\/admin\.mjs$/m,
    );
    // The bundle alone, in an empty folder, creates the first admin as the README says.
    const dir = mkdtempSync(path.join(tmpdir(), "admin-cli-"));
    try {
      await run(path.join(ROOT, "node_modules/.bin/tsx"), [
        path.join(ROOT, "scripts/build-admin.ts"),
        path.join(dir, "scripts/admin.mjs"),
      ]);
      const email = `first-admin-${Date.now()}@example.com`;
      const { stdout } = await run(
        process.execPath,
        [
          "scripts/admin.mjs",
          "create-user",
          "--email",
          email,
          "--password",
          "long-enough-pw",
          "--role",
          "ADMIN",
          "--json",
        ],
        { cwd: dir, env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: inject("databaseUrl") } },
      );
      expect(JSON.parse(stdout)).toMatchObject({ email, role: "ADMIN", partnerId: null });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

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

// The image's runtime files, laid out as the Dockerfile's last stage copies them, from a standalone
// build of this checkout (`NEXT_OUTPUT=standalone npm run build`; skipped without one). Run alone
// in an empty folder, so that nothing resolves from the project's node_modules.
describe.skipIf(!existsSync(path.join(ROOT, ".next/standalone/server.js")))("the standalone build", () => {
  it("carries traces: the image's server sends a request's spans to OTEL_EXPORTER_OTLP_ENDPOINT", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "image-"));
    const received: { name: string; kind: number }[] = [];
    const receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        if (req.url === "/v1/traces") {
          const parsed = JSON.parse(body) as {
            resourceSpans: { scopeSpans: { spans: { name: string; kind: number }[] }[] }[];
          };
          for (const rs of parsed.resourceSpans) for (const ss of rs.scopeSpans) received.push(...ss.spans);
        }
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    const receiverPort = await freePort();
    await new Promise<void>((resolve) => receiver.listen(receiverPort, "127.0.0.1", resolve));
    try {
      const runtime = stages.at(-1)!.body;
      for (const [, from, to] of runtime.matchAll(/^COPY --from=build \S+ \/app\/(\S+) (\S+)$/gm)) {
        // The bundled CLIs (dist/) are built by their own scripts, tested above.
        if (from.startsWith("dist/")) continue;
        cpSync(path.join(ROOT, from), path.join(dir, to), { recursive: true });
      }
      expect(existsSync(path.join(dir, "lib/observability/tracing.mjs"))).toBe(true);
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const child = spawn(process.execPath, ["scripts/server.mjs"], {
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          ...RAISED_RATE_LIMITS,
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          DATABASE_URL: inject("databaseUrl"),
          AUTH_SECRET: randomBytes(32).toString("base64url"),
          APP_URL: url,
          PORT: String(port),
          HOST: "127.0.0.1",
          WEB_CONCURRENCY: "1",
          BACKGROUND_WORK: "off",
          OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${receiverPort}`,
          OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout!.on("data", (d: Buffer) => (output += d));
      child.stderr!.on("data", (d: Buffer) => (output += d));
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      try {
        await waitForHealth(url, child, 90_000).catch((error: Error) => {
          throw new Error(`${error.message}\n${output}`);
        });
        expect((await fetch(`${url}/api/health`)).status).toBe(200);
        // The shutdown sends what is queued (scripts/server.mjs): no waiting on the batch timer.
        child.kill("SIGTERM");
        expect(await exited, output).toBe(0);
        expect(
          received.some((s) => s.kind === 2 && s.name === "GET /api/health"),
          output,
        ).toBe(true);
        // Prisma's statement spans: @prisma/instrumentation came along too.
        expect(received.some((s) => s.name === "prisma:client:db_query")).toBe(true);
      } finally {
        child.kill("SIGKILL");
      }
    } finally {
      receiver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
