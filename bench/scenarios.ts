// The HTTP scenarios, each a request generator: unique bodies where needed, keys spread over 50
// partners (or one partner's one key, an integrator's real shape), ids and codes from the seed, and
// the floor: Next.js and our route wrapper with (almost) nothing behind them.
import { encodeCursor } from "@/lib/deliveries/list-deliveries";
import type pg from "pg";
import type { Seeded } from "./seed";
import { UNIQUE, type Req } from "./wrk";

export interface Sample {
  deliveries: { id: string; trackingCode: string; partner: number }[];
  cursors: string[];
  /** CREATED deliveries per partner index, each cancelled at most once by the mixed workload. */
  cancellable: string[][];
}

const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
export const createPayload = (ref: string) => ({
  pickupAddress: "12 Market St, Springfield",
  dropoffAddress: "4 Elm Rd, Shelbyville",
  recipientName: "Ada Lovelace",
  recipientEmail: "ada@example.com",
  productName: "Parcel",
  deliveryDate: future,
  externalReference: `BENCH-${ref}`,
});

export async function sample(client: pg.Client, seeded: Seeded): Promise<Sample> {
  const index = new Map(seeded.partners.map((p, i) => [p.id, i]));
  const { rows } = await client.query(
    `SELECT "id", "trackingCode", "partnerId" FROM "Delivery" TABLESAMPLE SYSTEM (5) LIMIT 2000`,
  );
  const cursors: string[] = [];
  for (const p of seeded.partners) {
    // A page near the end of the partner's history: the deepest keyset position a client reaches.
    const { rows: deep } = await client.query(
      `SELECT "createdAt", "id" FROM "Delivery" WHERE "partnerId" = $1 ORDER BY "createdAt" DESC, "id" DESC
       OFFSET (SELECT (count(*) * 0.9)::int FROM "Delivery" WHERE "partnerId" = $1) LIMIT 1`,
      [p.id],
    );
    cursors.push(encodeCursor(deep[0]));
  }
  const { rows: created } = await client.query(
    `SELECT "id", "partnerId" FROM "Delivery" WHERE "status" = 'CREATED' ORDER BY random() LIMIT 20000`,
  );
  const cancellable: string[][] = seeded.partners.map(() => []);
  for (const r of created) cancellable[index.get(r.partnerId)!].push(r.id);
  return {
    deliveries: rows.map((r) => ({ id: r.id, trackingCode: r.trackingCode, partner: index.get(r.partnerId)! })),
    cursors,
    cancellable,
  };
}

const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];

/** Scenarios whose answers are not 2xx by design (the floor without a database is a 404). */
export const EXPECTED_NON_2XX = new Set(["floor: unknown API path (404, no database)"]);

export function scenarios(seeded: Seeded, data: Sample): Record<string, () => Req> {
  const keys = seeded.partners.map((p) => p.key);
  const auth = (i: number) => ({ authorization: `Bearer ${keys[i]}` });
  const json = { "content-type": "application/json" };
  let n = 0;
  const anyPartner = () => n++ % keys.length;
  const replayBody = JSON.stringify(createPayload("replay"));

  const s: Record<string, () => Req> = {
    "create (unique)": () => ({
      method: "POST",
      path: "/api/v1/deliveries",
      headers: { ...auth(anyPartner()), ...json },
      body: JSON.stringify(createPayload(UNIQUE)),
    }),
    "create replay (identical body)": () => ({
      method: "POST",
      path: "/api/v1/deliveries",
      headers: { ...auth(0), ...json },
      body: replayBody,
    }),
    "create replay (Idempotency-Key)": () => ({
      method: "POST",
      path: "/api/v1/deliveries",
      headers: { ...auth(1), ...json, "idempotency-key": "bench-replay" },
      body: replayBody,
    }),
    "list: first page": () => ({ method: "GET", path: "/api/v1/deliveries", headers: auth(anyPartner()) }),
    "list: by status": () => ({
      method: "GET",
      path: "/api/v1/deliveries?status=IN_TRANSIT",
      headers: auth(anyPartner()),
    }),
    "list: text search": () => ({
      method: "GET",
      path: `/api/v1/deliveries?q=${pick(["hopper", "Liskov", "ORD-12", "Market"])}`,
      headers: auth(anyPartner()),
    }),
    "list: deep cursor": () => {
      const i = anyPartner();
      return { method: "GET", path: `/api/v1/deliveries?cursor=${data.cursors[i]}`, headers: auth(i) };
    },
    detail: () => {
      const d = pick(data.deliveries);
      return { method: "GET", path: `/api/v1/deliveries/${d.id}`, headers: auth(d.partner) };
    },
    "public tracking": () => ({
      method: "GET",
      path: `/api/v1/tracking/${pick(data.deliveries).trackingCode}`,
      headers: {},
    }),
  };
  // One partner, one key: every request counts against the same rate-limit rows.
  const mine = data.deliveries.filter((d) => d.partner === 0);
  s["create (unique) · 1 partner"] = () => ({ ...s["create (unique)"](), headers: { ...auth(0), ...json } });
  s["list: first page · 1 partner"] = () => ({ method: "GET", path: "/api/v1/deliveries", headers: auth(0) });
  s["list: text search · 1 partner"] = () => ({ ...s["list: text search"](), headers: auth(0) });
  s["detail · 1 partner"] = () => ({ method: "GET", path: `/api/v1/deliveries/${pick(mine).id}`, headers: auth(0) });
  s["floor: GET /api/health (route + SELECT 1)"] = () => ({ method: "GET", path: "/api/health", headers: {} });
  s["floor: unknown API path (404, no database)"] = () => ({ method: "GET", path: "/api/v1/nothing", headers: {} });
  s["mixed (20% create, 70% read, 10% cancel)"] = () => {
    const r = Math.random();
    if (r < 0.2) return s["create (unique)"]();
    if (r < 0.9) return pick([s["list: first page"], s.detail, s.detail, s["public tracking"]])();
    const i = anyPartner();
    const id = data.cancellable[i].pop();
    if (!id) return s.detail();
    return {
      method: "POST",
      path: `/api/v1/deliveries/${id}/status`,
      headers: { ...auth(i), ...json },
      body: '{"status":"CANCELLED"}',
    };
  };
  return s;
}
