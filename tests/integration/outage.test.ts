// The database stopped under load and started again, on a database and server of
// this file's own: health says 503 while it is down, requests fail fast with a clean 503 problem,
// the same app process recovers by itself, and no delivery exists without its event and outbox row.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveryPayload, PROBLEM_CONTENT_TYPE, seedPartnerWithKey } from "./support";
import { startApp, startTempDatabase, type RunningApp, type TempDatabase } from "../support/app-server";

/** No answer may take longer than this, whatever the database does. */
const BOUND_MS = 12_000;

let database: TempDatabase;
let app: RunningApp;
let apiKey: string;

beforeAll(async () => {
  database = await startTempDatabase("outage");
  app = await startApp({ databaseUrl: database.url });
  apiKey = await seedPartnerWithKey(database.url, "outage");
});

afterAll(async () => {
  await app?.stop();
  await database?.destroy();
});

interface Answer {
  status: number;
  type: string;
  body: any;
  ms: number;
  startedAt: number;
}

async function call(method: string, path: string, body?: unknown): Promise<Answer> {
  const startedAt = Date.now();
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(BOUND_MS * 2),
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    body: text ? JSON.parse(text) : null,
    ms: Date.now() - startedAt,
    startedAt,
  };
}

/** Eight clients creating deliveries back to back until told to stop. */
function load() {
  const answers: Answer[] = [];
  let running = true;
  const workers = Array.from({ length: 8 }, async () => {
    while (running) answers.push(await call("POST", "/api/v1/deliveries", deliveryPayload()));
  });
  return { answers, stop: async () => ((running = false), await Promise.all(workers)) };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
}

describe("the database stopped mid-load and restarted", () => {
  it("answers 503 problems while down, recovers without a restart and loses nothing", async () => {
    const traffic = load();
    await until("a first successful create", async () => traffic.answers.some((a) => a.status === 201), 10_000);

    await database.stop();
    const stoppedAt = Date.now();
    const health = await call("GET", "/api/health");
    expect(health.status).toBe(503);
    expect(health.type).toMatch(PROBLEM_CONTENT_TYPE);
    expect(health.ms).toBeLessThan(BOUND_MS);
    await new Promise((r) => setTimeout(r, 3_000)); // load keeps hitting the dead database

    await database.start();
    const restartedAt = Date.now();
    await until("health 200 after the restart", async () => (await call("GET", "/api/health")).status === 200, 20_000);
    await until(
      "a create after the restart",
      async () => traffic.answers.some((a) => a.status === 201 && a.startedAt > restartedAt),
      20_000,
    );
    await traffic.stop();

    const during = traffic.answers.filter((a) => a.startedAt > stoppedAt && a.startedAt + a.ms < restartedAt);
    expect(during.length).toBeGreaterThan(0);
    for (const answer of traffic.answers) {
      expect([201, 503], JSON.stringify(answer)).toContain(answer.status);
      expect(answer.ms).toBeLessThan(BOUND_MS);
      if (answer.status === 503) {
        expect(answer.type).toMatch(PROBLEM_CONTENT_TYPE);
        expect(answer.body).toMatchObject({ status: 503, type: "/problems/service-unavailable" });
        expect(JSON.stringify(answer.body)).not.toMatch(/ECONN|postgres|SELECT|INSERT|at /);
      }
    }
    for (const answer of during) expect(answer.status).toBe(503);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const created = traffic.answers.filter((a) => a.status === 201).map((a) => a.body.id as string);
      const { rows: found } = await client.query(
        `SELECT count(*)::int AS n FROM "Delivery" WHERE "id" = ANY($1::uuid[])`,
        [created],
      );
      expect(found[0].n).toBe(created.length);
      const { rows: orphans } = await client.query(`
        SELECT count(*)::int AS n FROM "Delivery" d
        WHERE NOT EXISTS (SELECT 1 FROM "DeliveryStatusEvent" e WHERE e."deliveryId" = d."id")
           OR NOT EXISTS (SELECT 1 FROM "OutboxEvent" o WHERE o."payload"->>'deliveryId' = d."id"::text)`);
      expect(orphans[0].n).toBe(0);
    } finally {
      await client.end();
    }
    expect(app.child.exitCode).toBeNull();
    expect(app.logs()).not.toContain(apiKey);
  });
});
