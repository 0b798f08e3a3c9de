// The create contract as the document states it and the handler enforces it: strict fields with
// every error at once, one Idempotency-Key header, a key retention and a keyless window that end,
// and a request arriving while the first with its key is still uncommitted (real concurrency).
import http from "node:http";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createDeliveryStatement } from "@/lib/deliveries/create-delivery";
import { explicitIdempotencyKey, requestFingerprint } from "@/lib/deliveries/canonical";
import { IDEMPOTENCY_KEY_RETENTION_HOURS, KEYLESS_DEDUP_WINDOW_MINUTES } from "@/lib/deliveries/idempotency";
import { createDeliverySchema } from "@/lib/deliveries/schemas";
import { newTrackingCode } from "@/lib/deliveries/tracking-code";
import {
  api,
  baseUrl,
  createWorld,
  deliveryPayload,
  errorPaths,
  expectProblem,
  type Caller,
  type World,
} from "./support";

let world: World;
let keyA: Caller;

beforeAll(async () => {
  world = await createWorld();
  keyA = { apiKey: world.partnerA.apiKey };
});

const create = (json: unknown, headers?: Record<string, string>) =>
  api("POST", "/api/v1/deliveries", { as: keyA, json, headers });
const rowsWith = (externalReference: string) => db.delivery.count({ where: { externalReference } });
/** Moves a delivery's key expiry into the past, as if its retention had run out. */
const expire = (id: string) =>
  db.delivery.update({ where: { id }, data: { idempotencyKeyExpiresAt: new Date(Date.now() - 1000) } });

describe("the create schema", () => {
  it("names every broken rule at once, the past date among them", async () => {
    const res = await create(
      deliveryPayload({
        pickupAddress: "",
        recipientEmail: "not-an-email",
        packageWeightKg: 1.0004,
        deliveryDate: "2001-02-03",
      }),
    );
    expect(expectProblem(res, 400).errors).toEqual(
      expect.arrayContaining([
        { path: "pickupAddress", message: "Required" },
        { path: "recipientEmail", message: "Not a valid email address" },
        { path: "packageWeightKg", message: "At most 3 decimal places (whole grams)" },
        { path: "deliveryDate", message: "Must be today or later" },
      ]),
    );
    expect(errorPaths(res)).toHaveLength(4);
  });

  it("is published as strictly as it is checked", async () => {
    const doc = (await api("GET", "/api/v1/openapi.json")).body;
    const props = doc.components.schemas.CreateDeliveryRequest.properties;
    expect(props.recipientEmail.format).toBe("email");
    expect(props.packageWeightKg.multipleOf).toBe(0.001);
    expect(props.deliveryDate.description).toMatch(/today or later.*UTC.*JSON Schema cannot/s);
    const op = doc.paths["/api/v1/deliveries"].post;
    const header = op.parameters.find((p: { name: string }) => p.name === "Idempotency-Key");
    expect(new RegExp(header.schema.pattern).test("a, b")).toBe(false);
    expect(header.description).toContain(`${IDEMPOTENCY_KEY_RETENTION_HOURS} hours`);
    expect(op.description).toContain(`${KEYLESS_DEDUP_WINDOW_MINUTES} minutes`);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["200", "201", "400", "422"]));
  });
});

/** A create sent with two Idempotency-Key header lines, over a raw connection. */
function createWithTwoKeys(keys: [string, string], body: string) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = http.request(`${baseUrl}/api/v1/deliveries`, { method: "POST", agent: false }, (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.setHeader("authorization", `Bearer ${world.partnerA.apiKey}`);
    req.setHeader("content-type", "application/json");
    req.setHeader("idempotency-key", keys); // an array: one header line per value
    req.on("error", reject);
    req.end(body);
  });
}

describe("the Idempotency-Key header", () => {
  it("refuses two headers with a 400 naming it, and creates nothing", async () => {
    const payload = deliveryPayload();
    const res = await createWithTwoKeys([randomUUID(), randomUUID()], JSON.stringify(payload));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(["Idempotency-Key"]);
    expect(res.body.errors[0].message).toMatch(/one Idempotency-Key header/);
    expect(await rowsWith(payload.externalReference)).toBe(0);
  });

  it("refuses a key holding a comma (how two headers arrive) the same way", async () => {
    const res = await create(deliveryPayload(), { "idempotency-key": "a,b" });
    expect(errorPaths(res)).toEqual(["Idempotency-Key"]);
  });
});

describe("retention", () => {
  it("keeps an explicit key for 24 hours and a keyless body for its window, imports for good", async () => {
    const before = Date.now();
    const keyed = await create(deliveryPayload(), { "idempotency-key": randomUUID() });
    const keyless = await create(deliveryPayload());
    const rows = await db.delivery.findMany({
      where: { id: { in: [keyed.body.id, keyless.body.id] } },
      select: { id: true, createdAt: true, idempotencyKeyExpiresAt: true },
    });
    const ttl = (id: string) => {
      const row = rows.find((r) => r.id === id)!;
      expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
      return row.idempotencyKeyExpiresAt!.getTime() - row.createdAt.getTime();
    };
    expect(ttl(keyed.body.id)).toBe(IDEMPOTENCY_KEY_RETENTION_HOURS * 3_600_000);
    expect(ttl(keyless.body.id)).toBe(KEYLESS_DEDUP_WINDOW_MINUTES * 60_000);
  });

  it("frees an expired key: the same key makes a new delivery, even with another body", async () => {
    const key = randomUUID();
    const payload = deliveryPayload();
    const first = await create(payload, { "idempotency-key": key });
    expect((await create(payload, { "idempotency-key": key })).status).toBe(200);
    await expire(first.body.id);

    const again = await create({ ...payload, recipientName: "Grace Hopper" }, { "idempotency-key": key });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);
    // The old delivery is untouched but for its key; the new one owns the key now.
    const old = await db.delivery.findUniqueOrThrow({ where: { id: first.body.id } });
    expect([old.recipientName, old.idempotencyKey]).toEqual([payload.recipientName, null]);
    const replay = await create({ ...payload, recipientName: "Grace Hopper" }, { "idempotency-key": key });
    expect([replay.status, replay.body.id]).toEqual([200, again.body.id]);
    expect(expectProblem(await create(payload, { "idempotency-key": key }), 422).deliveryId).toBe(again.body.id);
  });

  it("ends keyless deduplication after its window: the identical body is a new delivery", async () => {
    const payload = deliveryPayload();
    const first = await create(payload);
    expect((await create(payload)).body.id).toBe(first.body.id);
    await expire(first.body.id);
    const later = await create(payload);
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
    expect(await rowsWith(payload.externalReference)).toBe(2);
  });

  it("turns 20 concurrent requests on an expired key into exactly one new delivery", async () => {
    const key = randomUUID();
    const payload = deliveryPayload();
    const first = await create(payload, { "idempotency-key": key });
    await expire(first.body.id);
    const responses = await Promise.all(Array.from({ length: 20 }, () => create(payload, { "idempotency-key": key })));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(ids.has(first.body.id)).toBe(false);
    expect(await rowsWith(payload.externalReference)).toBe(2);
  });
});

describe("a request arriving while the first with its key is in flight", () => {
  it("waits for the first to commit and then replays it: N requests, one delivery, no 409", async () => {
    const key = randomUUID();
    const payload = deliveryPayload();
    const input = createDeliverySchema.parse(payload);
    const actor: Actor = {
      kind: "API_KEY",
      id: world.partnerA.apiKeyId,
      role: "API_KEY",
      partnerId: world.partnerA.id,
    };
    const n = 8;
    let answers!: Promise<Awaited<ReturnType<typeof create>>[]>;
    // The first request, held uncommitted in a transaction of the test's own while the others arrive.
    const firstId = await db.$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<{ id: string }[]>(
          createDeliveryStatement({
            input,
            actor,
            partnerId: world.partnerA.id,
            idempotencyKey: explicitIdempotencyKey(world.partnerA.id, key),
            fingerprint: requestFingerprint(input),
            trackingCode: newTrackingCode(),
            keyExpiresAt: new Date(Date.now() + 3_600_000),
          }),
        );
        answers = Promise.all(Array.from({ length: n }, () => create(payload, { "idempotency-key": key })));
        // Every one of them is inside its insert, waiting on the first's uncommitted row.
        const deadline = Date.now() + 20_000;
        for (;;) {
          const [{ waiting }] = await db.$queryRaw<{ waiting: number }[]>`
            SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO "Delivery"%' AND datname = current_database()`;
          if (waiting === n) break;
          if (Date.now() > deadline) throw new Error(`only ${waiting} of ${n} requests are waiting`);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        return row.id;
      },
      { timeout: 30_000 },
    );
    const responses = await answers;
    expect(responses.map((r) => r.status)).toEqual(Array(n).fill(200));
    expect(responses.every((r) => r.body.id === firstId && r.headers.get("idempotent-replayed") === "true")).toBe(true);
    expect(await rowsWith(payload.externalReference)).toBe(1);
  });
});
