// An Inngest server is configured but unreachable: requests do not pay for it, the relay
// backs off and says so once, nothing is lost, and SIGTERM after a burst of creates still stops
// the server promptly and cleanly. On a database and server of this file's own.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveryPayload, seedPartnerWithKey } from "./support";
import {
  INNGEST_UNREACHABLE,
  startApp,
  startTempDatabase,
  type RunningApp,
  type TempDatabase,
} from "../support/app-server";

let database: TempDatabase;
let app: RunningApp;
let apiKey: string;

beforeAll(async () => {
  database = await startTempDatabase("unreachable");
  app = await startApp({ databaseUrl: database.url, env: INNGEST_UNREACHABLE });
  apiKey = await seedPartnerWithKey(database.url, "burst");
});

afterAll(async () => {
  await app?.stop("SIGKILL");
  await database?.destroy();
});

describe("Inngest configured but unreachable", () => {
  it(
    "keeps creating, backs off quietly, and stops within 5 s of SIGTERM after a 20 s burst",
    { timeout: 90_000 },
    async () => {
      expect(app.logs()).toMatch(/Background work: Inngest \(dev server\)/);
      const until = Date.now() + 20_000;
      let created = 0;
      let other = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (Date.now() < until) {
            const res = await fetch(`${app.url}/api/v1/deliveries`, {
              method: "POST",
              headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
              body: JSON.stringify(deliveryPayload()),
            });
            await res.arrayBuffer();
            if (res.status === 201) created++;
            else other++;
          }
        }),
      );
      expect(other).toBe(0);
      expect(created).toBeGreaterThan(200);

      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query(
        `SELECT count(*)::int AS "rows", count(*) FILTER (WHERE "sentAt" IS NULL)::int AS "unsent",
              coalesce(sum("attempts"), 0)::int AS "attempts" FROM "OutboxEvent"`,
      );
      await client.end();
      // Nothing lost, nothing sent; and the relay tried a few batches, not once per create.
      expect(rows[0]).toMatchObject({ rows: created, unsent: created });
      expect(rows[0].attempts).toBeLessThan(created / 4);
      const warnings = app.logs().match(/events cannot be handed on/g) ?? [];
      expect(warnings).toHaveLength(1);

      const started = Date.now();
      const code = await app.stop("SIGTERM");
      expect(code).toBe(0);
      const stopMs = Date.now() - started;
      console.info(`burst: ${created} creates in 20 s, ${rows[0].attempts} relay attempts, stopped in ${stopMs} ms`);
      expect(stopMs).toBeLessThan(5_000);
      expect(app.logs()).toMatch(/Stopped cleanly/);
    },
  );
});
