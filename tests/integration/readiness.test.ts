// /api/health/ready on the cluster-mode server over its own database: not ready while a migration
// of this build is missing or the database is down, ready in both workers (the background check
// only in the one that runs it), and not ready once SIGTERM starts the drain, while still accepting.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, startTempDatabase, waitForLine, type RunningApp, type TempDatabase } from "../support/app-server";

let database: TempDatabase;
let app: RunningApp;
let removed: Record<string, unknown>;

interface Ready {
  status: number;
  body: { status?: string; detail?: string; checks: Record<string, string> };
}

async function ready(): Promise<Ready> {
  // A new connection each, so that both workers answer in turn.
  const res = await fetch(`${app.url}/api/health/ready`, { headers: { connection: "close" } });
  return { status: res.status, body: (await res.json()) as Ready["body"] };
}

async function sql(query: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(query, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await startTempDatabase("readiness");
  // The newest migration looks unapplied: this build needs a schema the database lacks.
  [removed] = await sql(
    `DELETE FROM _prisma_migrations WHERE id = (SELECT id FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1) RETURNING *`,
  );
  app = await startApp({ databaseUrl: database.url, env: { WEB_CONCURRENCY: "2", SHUTDOWN_UNREADY_MS: "3000" } });
}, 240_000);

afterAll(async () => {
  await app?.stop("SIGKILL");
  await database?.destroy();
});

describe("GET /api/health/ready", () => {
  it("is 503 while a migration of this build is missing, then ready in both workers", async () => {
    for (let i = 0; i < 4; i++) {
      const answer = await ready();
      expect(answer.status).toBe(503);
      expect(answer.body.detail).toMatch(/missing migrations/);
      expect(answer.body.checks).toMatchObject({ database: "ok", migrations: "failed" });
    }
    const columns = Object.keys(removed);
    await sql(
      `INSERT INTO _prisma_migrations (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
      Object.values(removed),
    );
    // Each worker is ready once its executor runs (by default every worker runs background work).
    // Ready in a row, twenty times: connections go to the workers in turn, so both answered.
    let inARow = 0;
    const deadline = Date.now() + 30_000;
    while (inARow < 20 && Date.now() < deadline) {
      const answer = await ready();
      if (answer.status !== 200) {
        inARow = 0;
        continue;
      }
      expect(answer.body).toMatchObject({
        status: "ready",
        checks: { database: "ok", migrations: "ok", background: "ok" },
      });
      inARow++;
    }
    expect(inARow).toBe(20);
  });

  it("is 503 while the database is down, and ready again once it is back", { timeout: 60_000 }, async () => {
    await database.stop();
    try {
      const answer = await ready();
      expect(answer.status).toBe(503);
      expect(answer.body.checks).toMatchObject({ draining: "ok", database: "failed" });
    } finally {
      await database.start();
    }
    const deadline = Date.now() + 30_000;
    let last = await ready();
    while (last.status !== 200 && Date.now() < deadline) last = await ready();
    expect(last.status).toBe(200);
  });

  it("turns off on SIGTERM while the server still accepts, then the server drains and exits 0", async () => {
    const exit = app.stop("SIGTERM");
    // Both workers said so (the primary passes the signal to each).
    const line = "not ready; still accepting for 3000 ms";
    await waitForLine(app.logs, line);
    const deadline = Date.now() + 5_000;
    while (app.logs().split(line).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(app.logs().split(line)).toHaveLength(3);
    const answer = await ready();
    expect(answer.status).toBe(503);
    expect(answer.body.checks.draining).toBe("failed");
    // Liveness still answers: the process is fine, it only wants no new traffic.
    expect((await fetch(`${app.url}/api/health`, { headers: { connection: "close" } })).status).toBe(200);
    expect(await exit).toBe(0);
    expect(app.logs()).toMatch(/Stopped cleanly/);
  });
});
