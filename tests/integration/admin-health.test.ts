// The admin overview's last-hour error rate on the cluster-mode server (two workers) over its own
// database: 503s (readiness while a migration is missing), 401s and 200s spread over both workers,
// then the page, rendered by either worker, shows every worker's requests: as many 5xx as the
// access log of both workers has, and the total /api/metrics reports.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/passwords";
import { PASSWORD, signIn } from "./support";
import { startApp, startTempDatabase, type RunningApp, type TempDatabase } from "../support/app-server";

const SERVER_ERRORS = 6;
const CLIENT_ERRORS = 4;

let database: TempDatabase;
let app: RunningApp;
let admin: { cookie: string };

async function sql(query: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(query, values)).rows;
  } finally {
    await client.end();
  }
}

/** A new connection each: the primary hands them to the workers in turn. */
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { headers: { connection: "close", ...headers }, redirect: "manual" });

/** The access log's lines: which process answered what. */
const accessLines = () =>
  app
    .logs()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { msg: string; component: string; pid: number; route: string; status: number })
    .filter((line) => line.component === "http" && line.msg === "request");

/** The text of the overview's error-rate line, as the browser shows it. */
async function errorRateLine(): Promise<string> {
  const res = await get("/admin", { cookie: admin.cookie });
  expect(res.status).toBe(200);
  const html = await res.text();
  const match = /data-testid="error-rate"[^>]*>([\s\S]*?)<\/p>/.exec(html);
  expect(match, "the overview has no error-rate line").not.toBeNull();
  return match![1]
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The requests of the last hour as /api/metrics sums them across the workers. */
async function metricsLastHour() {
  const text = await (await get("/api/metrics")).text();
  const samples = text.split("\n").filter((l) => l.startsWith("http_requests_last_hour{"));
  const value = (l: string) => Number(l.split(" ").at(-1));
  return {
    total: samples.reduce((sum, l) => sum + value(l), 0),
    serverErrors: samples.filter((l) => l.includes('status_class="5xx"')).reduce((sum, l) => sum + value(l), 0),
  };
}

beforeAll(async () => {
  database = await startTempDatabase("admin-health");
  // The newest migration looks unapplied: /api/health/ready answers 503 (lib/health.ts), a real 5xx.
  await sql(
    `DELETE FROM _prisma_migrations WHERE id = (SELECT id FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1)`,
  );
  const email = `admin-${randomUUID().slice(0, 8)}@test.example`;
  await sql(
    `INSERT INTO "User" ("id", "email", "passwordHash", "role", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'ADMIN', now())`,
    [email, await hashPassword(PASSWORD)],
  );
  app = await startApp({ databaseUrl: database.url, env: { WEB_CONCURRENCY: "2" } });
  admin = await signIn(email, PASSWORD, app.url);
}, 240_000);

afterAll(async () => {
  await app?.stop("SIGKILL");
  await database?.destroy();
});

describe("the overview's error rate", () => {
  it("counts the last hour's requests of both workers, whichever renders the page", { timeout: 90_000 }, async () => {
    for (let i = 0; i < SERVER_ERRORS; i++) expect((await get("/api/health/ready")).status).toBe(503);
    for (let i = 0; i < CLIENT_ERRORS; i++) expect((await get("/api/v1/deliveries")).status).toBe(401);
    for (let i = 0; i < 4; i++) expect((await get("/api/health")).status).toBe(200);
    // Both workers answered some of the 503s: a page that counted only its own worker's would show fewer.
    const pids = new Set(
      accessLines()
        .filter((l) => l.route === "/api/health/ready" && l.status === 503)
        .map((l) => l.pid),
    );
    expect(pids.size).toBe(2);

    const pages = accessLines().filter((l) => l.route === "/admin").length;
    const renderers = () =>
      new Set(
        accessLines()
          .filter((l) => l.route === "/admin")
          .slice(pages)
          .map((l) => l.pid),
      );
    // Until both workers have rendered the page (the scrape before each takes a turn too, so an
    // extra request on odd rounds moves the page to the other worker).
    for (let i = 0; i < 10 && (i < 4 || renderers().size < 2); i++) {
      if (i % 2 === 1) await (await get("/api/health")).text();
      const before = await metricsLastHour();
      // The test's 503s, and any other 5xx the server answered (a liveness probe that met a slow
      // database while the server started, on a busy machine): the access log has each.
      const serverErrors = accessLines().filter((l) => l.status >= 500).length;
      expect(serverErrors).toBeGreaterThanOrEqual(SERVER_ERRORS);
      expect(before.serverErrors).toBe(serverErrors);
      const line = await errorRateLine();
      const match = /^([\d.]+) % of requests failed with a server error in the last hour \((\d+) of ([\d,]+)\)\.$/.exec(
        line,
      );
      expect(match, line).not.toBeNull();
      const [, percent, errors, total] = match!;
      expect(Number(errors)).toBe(serverErrors);
      // What the metrics said just before, plus that scrape itself (counted once answered) and at
      // most one request whose count was still on its way then.
      const shown = Number(total.replaceAll(",", ""));
      expect(shown).toBeGreaterThanOrEqual(before.total);
      expect(shown).toBeLessThanOrEqual(before.total + 2);
      expect(shown).toBeGreaterThan(SERVER_ERRORS + CLIENT_ERRORS + 4);
      expect(Number(percent)).toBe(Math.round((serverErrors / shown) * 1000) / 10);
    }
    // Both workers rendered the page.
    expect(renderers().size).toBe(2);
  });
});
