// The list queries are served by indexes: the very SQL Prisma sends for listDeliveries() is
// captured and EXPLAINed after VACUUM ANALYZE (which flushes the GIN indexes' pending list, as
// autovacuum would), with the planner at its defaults.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { encodeCursor, listDeliveries } from "@/lib/deliveries/list-deliveries";
import { listDeliveriesQuerySchema, type DeliverySort } from "@/lib/deliveries/schemas";

const PARTNERS = 40;
const ROWS = 12_000;
const tag = randomUUID().slice(0, 8);

let logging: PrismaClient;
let original: unknown;
const captured: { query: string; params: string }[] = [];
let partnerIds: string[] = [];
const admin: Actor = { kind: "USER", id: randomUUID(), role: "ADMIN", partnerId: null, email: "plans@test.example" };

beforeAll(async () => {
  // Bulk data in one statement each: partners, then deliveries spread over partners, statuses and
  // the last ~8 days (newest first, one row every minute).
  partnerIds = (
    await db.$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO "Partner" ("id", "name", "slug", "updatedAt")
       SELECT gen_random_uuid(), 'Plan partner ' || g, 'plan-${tag}-' || g, now() FROM generate_series(1, ${PARTNERS}) g
       RETURNING "id"`,
    )
  ).map((r) => r.id);
  await db.$executeRawUnsafe(
    `INSERT INTO "Delivery" ("id", "trackingCode", "partnerId", "createdByKind", "status", "pickupAddress", "dropoffAddress",
       "recipientName", "deliveryDate", "externalReference", "idempotencyKey", "requestFingerprint", "version", "createdAt", "updatedAt")
     SELECT gen_random_uuid(),
       -- Unique by construction (a hash prefix collided about once in fifty runs): the row number in
       -- hex after two characters of this run's tag, with a leading 0 no generated code contains.
       'DLV-' || upper(substr(md5('${tag}'), 1, 2)) || upper(lpad(to_hex(g), 6, '0')),
       ($1::uuid[])[1 + g % ${PARTNERS}],
       'API_KEY',
       (CASE WHEN g % 20 = 0 THEN 'IN_TRANSIT' WHEN g % 20 = 1 THEN 'FAILED' WHEN g % 20 = 2 THEN 'CREATED'
             WHEN g % 20 < 5 THEN 'CANCELLED' ELSE 'COMPLETED' END)::"DeliveryStatus",
       g || ' Plan Street, Town ' || (g % 97), g || ' Dest Avenue, City ' || (g % 89),
       'Recipient ' || md5(g::text), current_date + 1, 'PLAN-${tag}-' || g,
       md5('plan-${tag}-' || g), md5(g::text), 1,
       now() - interval '1 day' - g * interval '1 minute', now()
     FROM generate_series(1, ${ROWS}) g`,
    partnerIds,
  );
  await db.$executeRawUnsafe(`VACUUM ANALYZE "Delivery"`);

  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
  logging = client;
  const holder = globalThis as unknown as { db?: unknown };
  original = holder.db;
  holder.db = logging; // lib/db reads this on every access
}, 120_000);

afterAll(async () => {
  (globalThis as unknown as { db?: unknown }).db = original;
  await logging?.$disconnect();
  await db.$executeRawUnsafe(`DELETE FROM "Delivery" WHERE "partnerId" = ANY($1::uuid[])`, partnerIds);
  await db.$executeRawUnsafe(`DELETE FROM "Partner" WHERE "id" = ANY($1::uuid[])`, partnerIds);
  await db.$executeRawUnsafe(`ANALYZE "Delivery"`);
});

/** Runs listDeliveries as `actor` and returns the SQL + parameters of its query on "Delivery". */
async function listSql(actor: Actor, query: Record<string, unknown>, sort?: DeliverySort) {
  captured.length = 0;
  const page = await listDeliveries({ actor, query: listDeliveriesQuerySchema.parse(query), sort });
  const main = captured.find((q) => /FROM "public"\."Delivery"/.test(q.query) && /ORDER BY/.test(q.query));
  if (!main) throw new Error(`No Delivery query captured: ${JSON.stringify(captured)}`);
  return { ...main, page };
}

async function explain(sql: { query: string; params: string }, label: string) {
  const params = JSON.parse(sql.params) as unknown[];
  const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${sql.query}`,
    ...params,
  );
  const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
  console.log(`\n── ${label}\n${sql.query}\n${sql.params}\n${plan}\n`);
  return plan;
}

const partnerActor = (partnerId: string): Actor => ({ kind: "API_KEY", id: randomUUID(), role: "API_KEY", partnerId });

describe("list query plans", () => {
  it("serves a partner's newest-first page from Delivery_partnerId_createdAt_id_idx without sorting", async () => {
    const sql = await listSql(partnerActor(partnerIds[3]), { limit: "20" });
    expect(sql.page.data).toHaveLength(20);
    const plan = await explain(sql, "partner-scoped first page");
    expect(plan).toMatch(/Index Scan using "Delivery_partnerId_createdAt_id_idx"/);
    expect(plan).not.toMatch(/Seq Scan on "Delivery"/);
    expect(plan).not.toMatch(/\bSort\b/);
  });

  it("serves a partner's next page (keyset cursor) from the same index", async () => {
    const first = await listDeliveries({
      actor: partnerActor(partnerIds[3]),
      query: listDeliveriesQuerySchema.parse({ limit: "20" }),
    });
    const sql = await listSql(partnerActor(partnerIds[3]), { limit: "20", cursor: first.nextCursor });
    expect(sql.page.data[0].id).not.toBe(first.data[0].id);
    const plan = await explain(sql, "partner-scoped page after a cursor");
    expect(plan).toMatch(/Index Scan using "Delivery_partnerId_createdAt_id_idx"/);
    expect(plan).toMatch(/Index Cond: .*"partnerId" = .*"createdAt" <=/s);
    expect(plan).not.toMatch(/Seq Scan on "Delivery"/);
  });

  it("serves an admin's status-filtered keyset page from Delivery_status_createdAt_id_idx", async () => {
    const first = await listDeliveries({
      actor: admin,
      query: listDeliveriesQuerySchema.parse({ status: ["IN_TRANSIT"], limit: "20" }),
    });
    const sql = await listSql(admin, { status: ["IN_TRANSIT"], limit: "20", cursor: first.nextCursor });
    expect(sql.page.data.every((d) => d.status === "IN_TRANSIT")).toBe(true);
    const plan = await explain(sql, "admin, status=IN_TRANSIT, after a cursor");
    expect(plan).toMatch(/Index Scan using "Delivery_status_createdAt_id_idx"/);
    expect(plan).toMatch(/Index Cond: .*\bstatus = /s);
    expect(plan).not.toMatch(/Seq Scan on "Delivery"/);
    expect(plan).not.toMatch(/\bSort\b/);
  });

  it("serves the web table's delivery-date order, forwards and backwards, from Delivery_partnerId_deliveryDate_id_idx", async () => {
    const sort: DeliverySort = { by: "deliveryDate", dir: "asc" };
    const actor = partnerActor(partnerIds[3]);
    // A cursor in the middle of the partner's rows: both directions then have thousands to skip.
    const [middle] = await db.$queryRawUnsafe<{ id: string; createdAt: Date; deliveryDate: Date; dueAt: Date }[]>(
      `SELECT "id", "createdAt", "deliveryDate", "dueAt" FROM "Delivery" WHERE "partnerId" = $1::uuid ORDER BY "deliveryDate", "id"
       OFFSET (SELECT count(*) / 2 FROM "Delivery" WHERE "partnerId" = $1::uuid) LIMIT 1`,
      partnerIds[3],
    );
    const forward = await listSql(actor, { limit: "20", cursor: encodeCursor(middle, sort) }, sort);
    const backward = await listSql(actor, { limit: "20", cursor: encodeCursor(middle, sort, true) }, sort);
    expect(forward.page.data).toHaveLength(20);
    expect(backward.page.data).toHaveLength(20);
    for (const [sql, label] of [
      [forward, "deliveryDate asc, next page"],
      [backward, "deliveryDate asc, previous page"],
    ] as const) {
      const plan = await explain(sql, label);
      expect(plan).toMatch(/Index Scan( Backward)? using "Delivery_partnerId_deliveryDate_id_idx"/);
      expect(plan).not.toMatch(/Seq Scan on "Delivery"/);
      expect(plan).not.toMatch(/\bSort\b/);
    }
  });

  it("serves the due-time order from Delivery_partnerId_dueAt_id_idx and an admin's from Delivery_dueAt_id_idx", async () => {
    const sort: DeliverySort = { by: "dueAt", dir: "asc" };
    const actor = partnerActor(partnerIds[3]);
    const first = await listDeliveries({ actor, query: listDeliveriesQuerySchema.parse({ limit: "20" }), sort });
    const dues = first.data.map((d) => d.dueAt.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    for (const [who, label, index] of [
      [actor, "partner, dueAt asc, next page", "Delivery_partnerId_dueAt_id_idx"],
      [admin, "admin, dueAt asc, next page", "Delivery_dueAt_id_idx"],
    ] as const) {
      const sql = await listSql(who, { limit: "20", cursor: first.nextCursor }, sort);
      const plan = await explain(sql, label);
      expect(plan).toMatch(new RegExp(`Index Scan( Backward)? using "${index}"`));
      expect(plan).not.toMatch(/\bSort\b/);
    }
  });

  it("serves an admin's unfiltered page from Delivery_createdAt_id_idx", async () => {
    const sql = await listSql(admin, { limit: "20" });
    const plan = await explain(sql, "admin, no filter");
    expect(plan).toMatch(/Index Scan using "Delivery_createdAt_id_idx"/);
    expect(plan).not.toMatch(/Seq Scan on "Delivery"/);
  });

  it("serves an admin's text search from the one trigram index of the search column", async () => {
    const [{ trackingCode }] = await db.$queryRawUnsafe<{ trackingCode: string }[]>(
      `SELECT "trackingCode" FROM "Delivery" WHERE "externalReference" = $1`,
      `PLAN-${tag}-1234`,
    );
    const sql = await listSql(admin, { q: trackingCode.slice(3), limit: "20" });
    expect(sql.page.data.map((d) => d.externalReference)).toContain(`PLAN-${tag}-1234`);
    const plan = await explain(sql, "admin, q=<tracking code fragment>");
    expect(plan).toMatch(/Bitmap Index Scan on "Delivery_searchText_idx"/);
    expect(plan).not.toMatch(/Seq Scan on "Delivery"/);
  });
});
