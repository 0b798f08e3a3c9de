// Bulk seed for the benchmark: partners with one API key each, and N deliveries with their
// status history and (already sent) outbox rows, written by INSERT … SELECT generate_series with
// the secondary indexes dropped and rebuilt afterwards: seconds, not the API's hours.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { hashSecret } from "@/lib/auth/api-keys";
import { ALPHABET } from "@/lib/deliveries/tracking-code";

export const PARTNERS = 50;

export interface Seeded {
  partners: { id: string; key: string; keyId: string }[];
}

const TABLES = ["Delivery", "DeliveryStatusEvent", "OutboxEvent"];

/** Secondary indexes are rebuilt once after the load instead of being updated row by row. */
async function withoutSecondaryIndexes(client: pg.Client, load: () => Promise<void>) {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [TABLES],
  );
  for (const r of rows) await client.query(`DROP INDEX "${r.indexname}"`);
  await load();
  await client.query("SET maintenance_work_mem = '256MB'");
  for (const r of rows) await client.query(r.indexdef);
}

/** The app's own tracking-code format (DLV- and 8 characters of its alphabet), i in base 31. */
const TRACKING_CODE = `'DLV-' || ${Array.from({ length: 8 }, (_, k) => `substr('${ALPHABET}', ((i / ${31 ** (7 - k)}) % 31)::int + 1, 1)`).join(" || ")}`;

/** Each status's history, as the lifecycle allows it: nothing goes IN_TRANSIT before it is ASSIGNED. */
const PATHS = `CASE d."status"
  WHEN 'CREATED' THEN ARRAY['CREATED']
  WHEN 'IN_TRANSIT' THEN ARRAY['CREATED','ASSIGNED','IN_TRANSIT']
  WHEN 'COMPLETED' THEN ARRAY['CREATED','ASSIGNED','IN_TRANSIT','COMPLETED']
  WHEN 'FAILED' THEN ARRAY['CREATED','FAILED']
  ELSE ARRAY['CREATED','CANCELLED'] END::"DeliveryStatus"[]`;

export async function seed(client: pg.Client, rows: number): Promise<Seeded> {
  const partners = Array.from({ length: PARTNERS }, (_, n) => ({
    n,
    key: `dap_live_${randomBytes(32).toString("base64url")}`,
  }));
  const { rows: created } = await client.query<{ id: string; n: number }>(
    `INSERT INTO "Partner" ("id", "name", "slug", "contactEmail", "updatedAt")
     SELECT gen_random_uuid(), 'Bench partner ' || n, 'bench-' || n, 'ops' || n || '@bench.example', now()
     FROM generate_series(0, $1 - 1) n RETURNING "id", substring("slug" FROM 7)::int AS n`,
    [PARTNERS],
  );
  const byN = new Map(created.map((p) => [p.n, p.id]));
  // The courier every delivery on its way was assigned to; bench couriers never sign in.
  const {
    rows: [courier],
  } = await client.query<{ id: string }>(
    `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt")
     VALUES (gen_random_uuid(), 'courier@bench.example', 'Bench courier', '!', 'COURIER', now()) RETURNING "id"`,
  );
  const { rows: keys } = await client.query<{ id: string; partnerId: string }>(
    `INSERT INTO "ApiKey" ("id", "partnerId", "name", "prefix", "secretHash")
     SELECT gen_random_uuid(), p, 'bench', 'dap_live_bench', h FROM unnest($1::uuid[], $2::text[]) AS t(p, h)
     RETURNING "id", "partnerId"`,
    [partners.map((p) => byN.get(p.n)), partners.map((p) => hashSecret(p.key))],
  );

  await withoutSecondaryIndexes(client, async () => {
    // Spread over the last year, newest last; partner = i mod 50, and status and names vary
    // independently of it, so every partner has every status and name.
    await client.query(
      `WITH p AS (SELECT "id", substring("slug" FROM 7)::int AS n FROM "Partner" WHERE "slug" LIKE 'bench-%'),
            names AS (SELECT ARRAY['Ada','Grace','Alan','Edsger','Barbara','Donald','Frances','Ken','Margaret','Dennis'] AS first,
                             ARRAY['Lovelace','Hopper','Turing','Dijkstra','Liskov','Knuth','Allen','Thompson','Hamilton','Ritchie'] AS last)
       INSERT INTO "Delivery" ("id", "trackingCode", "partnerId", "createdByKind", "status", "assigneeId", "pickupAddress", "dropoffAddress",
         "recipientName", "recipientEmail", "productName", "packageWeightKg", "deliveryDate", "externalReference",
         "idempotencyKey", "requestFingerprint", "version", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), ${TRACKING_CODE}, p."id", 'API_KEY',
         (ARRAY['CREATED','CREATED','CREATED','CREATED','IN_TRANSIT','IN_TRANSIT','COMPLETED','COMPLETED','FAILED','CANCELLED'])[(i / ${PARTNERS}) % 10 + 1]::"DeliveryStatus",
         CASE WHEN (i / ${PARTNERS}) % 10 BETWEEN 4 AND 7 THEN $2::uuid END,
         (i % 997) || ' Market St, Springfield', (i % 991) || ' Elm Rd, Shelbyville',
         names.first[(i / 3) % 10 + 1] || ' ' || names.last[(i / 11) % 10 + 1], 'r' || i || '@example.com',
         'Parcel ' || (i % 50), ((i % 200) + 1) / 10.0, current_date + (i % 60), 'ORD-' || i,
         md5('bench:' || i), md5('fp:' || i),
         (ARRAY[1,1,1,1,3,3,4,4,2,2])[(i / ${PARTNERS}) % 10 + 1],
         now() - (($1::int - i) * interval '1 year') / $1::int, now() - (($1::int - i) * interval '1 year') / $1::int
       FROM generate_series(1, $1::int) i JOIN p ON p.n = i % ${PARTNERS} CROSS JOIN names`,
      [rows, courier.id],
    );
    await client.query(
      `INSERT INTO "DeliveryStatusEvent" ("id", "deliveryId", "version", "fromStatus", "toStatus", "actorKind", "assigneeId", "createdAt")
       SELECT gen_random_uuid(), d."id", v, (${PATHS})[v - 1], (${PATHS})[v], 'SYSTEM', CASE WHEN v > 1 THEN d."assigneeId" END,
         d."createdAt" + (v - 1) * interval '1 hour'
       FROM "Delivery" d CROSS JOIN LATERAL generate_series(1, d."version") v`,
    );
    await client.query(
      `INSERT INTO "OutboxEvent" ("id", "name", "payload", "createdAt", "attempts", "sentAt")
       SELECT gen_random_uuid(),
         CASE WHEN e."version" = 1 THEN 'delivery/created' WHEN e."toStatus" = 'ASSIGNED' THEN 'delivery/assigned'
              ELSE 'delivery/status.changed' END,
         jsonb_build_object('deliveryId', e."deliveryId", 'to', e."toStatus", 'version', e."version"), e."createdAt", 1, e."createdAt"
       FROM "DeliveryStatusEvent" e`,
    );
  });
  await client.query("VACUUM ANALYZE");
  const keyOf = new Map(keys.map((k) => [k.partnerId, k.id]));
  return { partners: partners.map((p) => ({ id: byN.get(p.n)!, key: p.key, keyId: keyOf.get(byN.get(p.n)!)! })) };
}
