// The outbox numbers on the admin overview must not cost a scan of every row ever sent: with many
// sent rows and a few unsent ones, the stats query reads indexes only (EXPLAIN ANALYZE, default
// planner settings, after VACUUM ANALYZE).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATOR_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { getOutboxStats, outboxStatsQuery } from "@/lib/outbox/get-outbox-stats";

const tag = randomUUID();

beforeAll(async () => {
  await db.$executeRaw`
    INSERT INTO "OutboxEvent" ("id", "name", "payload", "createdAt", "sentAt", "attempts")
    SELECT gen_random_uuid(), 'plan/test', jsonb_build_object('tag', ${tag}::text),
      now() - g * interval '1 second', CASE WHEN g % 5000 = 0 THEN NULL ELSE now() END, 1
    FROM generate_series(1, 30000) g`;
  await db.$executeRawUnsafe(`VACUUM ANALYZE "OutboxEvent"`);
});
afterAll(async () => {
  await db.$executeRaw`DELETE FROM "OutboxEvent" WHERE "payload" ->> 'tag' = ${tag}`;
});

describe("outbox stats", () => {
  it("count the unsent rows through an index, never a sequential scan of the table", async () => {
    const rows = await db.$queryRaw<{ "QUERY PLAN": string }[]>(
      Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF) ${outboxStatsQuery}`,
    );
    const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
    expect(plan, plan).not.toMatch(/Seq Scan on "OutboxEvent"/);
    expect(plan).toMatch(/Index (Only )?Scan/);
    expect((await getOutboxStats({ actor: OPERATOR_ACTOR })).pending).toBeGreaterThanOrEqual(6);
  });
});
