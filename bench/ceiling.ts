// The database's ceiling: the exact SQL the API runs for a create and for a list page, straight
// through `pg` at the same concurrency, as named prepared statements like the app's own.
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { derivedIdempotencyKey, requestFingerprint } from "@/lib/deliveries/canonical";
import { createDeliveryStatement } from "@/lib/deliveries/create-delivery";
import type { CreateDeliveryInput } from "@/lib/deliveries/schemas";
import { newTrackingCode } from "@/lib/deliveries/tracking-code";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { summarise, type Measured } from "./stats";

export async function drive(concurrency: number, seconds: number, task: () => Promise<void>): Promise<Measured> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          await task();
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  return summarise(latencies, errors, 0, (performance.now() - started) / 1000);
}

export function createCeiling(
  pool: pg.Pool,
  partners: { id: string; keyId: string }[],
  payload: (n: number) => CreateDeliveryInput,
) {
  let n = 0;
  return async () => {
    const partner = partners[n % partners.length];
    const input = payload(n++);
    const actor: Actor = { kind: "API_KEY", id: partner.keyId, role: "API_KEY", partnerId: partner.id };
    const statement = createDeliveryStatement({
      input,
      actor,
      partnerId: partner.id,
      idempotencyKey: derivedIdempotencyKey(partner.id, input),
      fingerprint: requestFingerprint(input),
      trackingCode: newTrackingCode(),
    });
    await pool.query({ name: "ceiling_create", text: statement.text, values: statement.values as unknown[] });
  };
}

/** The SQL and parameters Prisma sends for listDeliveries() as the given partner's API key. */
export async function captureListQuery(
  databaseUrl: string,
  actor: Actor,
): Promise<{ text: string; values: unknown[] }> {
  // Our own pool, ended by us: an adapter-owned pool could outlive $disconnect() and crash the
  // bench with an unhandled "terminating connection" error when PostgreSQL stops.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  pool.on("error", () => {});
  const client = new PrismaClient({
    adapter: new PrismaPg(pool),
    log: [{ emit: "event", level: "query" }],
  });
  const seen: { text: string; values: unknown[] }[] = [];
  client.$on("query", (e) => seen.push({ text: e.query, values: JSON.parse(e.params) as unknown[] }));
  // lib/db.ts takes the client cached on globalThis, so the real use case runs on this one.
  (globalThis as { db?: unknown }).db = client;
  const { listDeliveries } = await import("@/lib/deliveries/list-deliveries");
  await listDeliveries({ actor, query: { limit: 20 } });
  await client.$disconnect();
  await pool.end().catch(() => {});
  delete (globalThis as { db?: unknown }).db;
  const query = seen.find((q) => /FROM "public"\."Delivery"|FROM "Delivery"/.test(q.text));
  if (!query) throw new Error(`no list query captured: ${JSON.stringify(seen.map((q) => q.text))}`);
  return query;
}

export const uniqueRef = () => randomUUID().slice(0, 13);
