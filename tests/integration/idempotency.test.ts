// Idempotent creation (DESIGN §5): derived keys from the canonical payload, explicit
// Idempotency-Key headers, partner scope, and exactly one row under concurrency.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createDeliveryStatement } from "@/lib/deliveries/create-delivery";
import { derivedIdempotencyKey, explicitIdempotencyKey, requestFingerprint } from "@/lib/deliveries/canonical";
import { createDeliverySchema } from "@/lib/deliveries/schemas";
import { newTrackingCode } from "@/lib/deliveries/tracking-code";
import {
  api,
  createWorld,
  deliveryPayload,
  expectProblem,
  errorPaths,
  futureDate,
  sideEffects,
  transitionAs,
  type Caller,
  type World,
} from "./support";

let world: World;
let keyA: Caller;
let userA: Caller;
let keyB: Caller;

beforeAll(async () => {
  world = await createWorld();
  keyA = { apiKey: world.partnerA.apiKey };
  userA = { cookie: world.partnerA.cookie };
  keyB = { apiKey: world.partnerB.apiKey };
});

const create = (as: Caller, json: unknown, headers?: Record<string, string>) =>
  api("POST", "/api/v1/deliveries", { as, json, headers });

const rowsWith = (externalReference: string) => db.delivery.count({ where: { externalReference } });

describe("without an Idempotency-Key (derived key)", () => {
  it("creates with 201, a Location and an ETag the first time", async () => {
    const payload = deliveryPayload();
    const res = await create(keyA, payload);
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/deliveries/${res.body.id}`);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(res.headers.get("idempotent-replayed")).toBeNull();
  });

  it("replays the existing delivery for an identical retry", async () => {
    const payload = deliveryPayload();
    const first = await create(keyA, payload);
    const retry = await create(keyA, payload);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.headers.get("location")).toBe(`/api/v1/deliveries/${first.body.id}`);
    expect(retry.body).toEqual(first.body);
    expect(await rowsWith(payload.externalReference)).toBe(1);
  });

  it("treats reordered keys, extra whitespace, an upper-case email and blank optionals as the same request", async () => {
    const payload = deliveryPayload({ recipientEmail: "grace.hopper@example.com", productName: "Blue widget" });
    const first = await create(keyA, payload);
    expect(first.status).toBe(201);

    const reordered = Object.fromEntries(Object.entries(payload).reverse());
    const noisy = {
      ...reordered,
      pickupAddress: `   ${payload.pickupAddress.replaceAll(" ", "  \t ")}  `,
      recipientName: `\n${payload.recipientName}   `,
      recipientEmail: "  GRACE.Hopper@EXAMPLE.COM ",
      productName: " Blue   widget ",
      notes: "",
      recipientPhone: null,
    };
    expect(JSON.stringify(noisy)).not.toBe(JSON.stringify(payload));
    const retry = await create(keyA, noisy);
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await rowsWith(payload.externalReference)).toBe(1);
  });

  it("stores the email lower-cased and strings trimmed", async () => {
    const res = await create(
      keyA,
      deliveryPayload({ recipientEmail: " Mixed.Case@Example.COM ", recipientName: "  Alan Turing  " }),
    );
    expect(res.status).toBe(201);
    expect(res.body.recipientEmail).toBe("mixed.case@example.com");
    expect(res.body.recipientName).toBe("Alan Turing");
  });

  it("creates a new delivery when any field differs", async () => {
    const payload = deliveryPayload();
    const first = await create(keyA, payload);
    const otherDate = await create(keyA, { ...payload, deliveryDate: futureDate(8) });
    const withWeight = await create(keyA, { ...payload, packageWeightKg: 2.5 });
    expect([first.status, otherDate.status, withWeight.status]).toEqual([201, 201, 201]);
    expect(new Set([first.body.id, otherDate.body.id, withWeight.body.id]).size).toBe(3);
  });

  it("scopes the key to the partner organisation: its user and its API key share it", async () => {
    const payload = deliveryPayload();
    const byKey = await create(keyA, payload);
    const byUser = await create(userA, payload);
    expect([byKey.status, byUser.status]).toEqual([201, 200]);
    expect(byUser.body.id).toBe(byKey.body.id);
  });

  it("lets another partner create an identical delivery of its own", async () => {
    const payload = deliveryPayload();
    const a = await create(keyA, payload);
    const b = await create(keyB, payload);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.body.partner.id).toBe(world.partnerB.id);
  });

  it("replays the delivery as it is now, not as it was created", async () => {
    const payload = deliveryPayload();
    const first = await create(keyA, payload);
    await transitionAs(keyA, first.body.id, "CANCELLED");
    const retry = await create(keyA, payload);
    expect(retry.status).toBe(200);
    expect(retry.body.status).toBe("CANCELLED");
    expect(retry.body.version).toBe(2);
    expect(retry.headers.get("etag")).toBe('"2"');
  });

  it("writes no status event and no outbox row for a replay", async () => {
    const payload = deliveryPayload();
    const first = await create(keyA, payload);
    await create(keyA, payload);
    await create(userA, payload);
    const { events, outbox } = await sideEffects(first.body.id);
    expect(events).toHaveLength(1);
    expect(outbox).toHaveLength(1);
  });
});

describe("with an explicit Idempotency-Key", () => {
  it("replays the existing delivery for the same key and payload", async () => {
    const key = randomUUID();
    const payload = deliveryPayload();
    const first = await create(keyA, payload, { "idempotency-key": key });
    const retry = await create(keyA, payload, { "idempotency-key": key });
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
  });

  it("replays for the same key and an equivalent payload (reordered, padded, upper-case email)", async () => {
    const key = randomUUID();
    const payload = deliveryPayload();
    const first = await create(keyA, payload, { "idempotency-key": key });
    const equivalent = {
      ...Object.fromEntries(Object.entries(payload).reverse()),
      recipientEmail: "ADA@EXAMPLE.COM",
      dropoffAddress: ` ${payload.dropoffAddress}  `,
    };
    const retry = await create(keyA, equivalent, { "idempotency-key": key });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
  });

  it("answers 422 when the key is reused with another payload, and creates nothing", async () => {
    const key = randomUUID();
    const payload = deliveryPayload();
    const first = await create(keyA, payload, { "idempotency-key": key });
    const other = deliveryPayload();
    const res = await create(keyA, other, { "idempotency-key": key });
    const problem = expectProblem(res, 422);
    expect(problem.type).toBe("/problems/idempotency-key-reused");
    expect(await rowsWith(other.externalReference)).toBe(0);
    const again = await create(keyA, payload, { "idempotency-key": key });
    expect([first.status, again.status]).toEqual([201, 200]);
  });

  it("creates two deliveries for one payload sent with two different keys", async () => {
    const payload = deliveryPayload();
    const one = await create(keyA, payload, { "idempotency-key": randomUUID() });
    const two = await create(keyA, payload, { "idempotency-key": randomUUID() });
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(two.body.id).not.toBe(one.body.id);
    expect(await rowsWith(payload.externalReference)).toBe(2);
  });

  it("replaces the derived key: a payload first sent without a key is created again with one", async () => {
    const payload = deliveryPayload();
    const derived = await create(keyA, payload);
    const explicit = await create(keyA, payload, { "idempotency-key": randomUUID() });
    expect([derived.status, explicit.status]).toEqual([201, 201]);
    expect(explicit.body.id).not.toBe(derived.body.id);
  });

  it("scopes keys to the partner: another partner's identical key is a different key", async () => {
    const key = randomUUID();
    const a = await create(keyA, deliveryPayload(), { "idempotency-key": key });
    const b = await create(keyB, deliveryPayload(), { "idempotency-key": key });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.partner.id).toBe(world.partnerB.id);
  });

  it("is shared by the partner's user and API key", async () => {
    const key = randomUUID();
    const payload = deliveryPayload();
    const byKey = await create(keyA, payload, { "idempotency-key": key });
    const byUser = await create(userA, payload, { "idempotency-key": key });
    expect([byKey.status, byUser.status]).toEqual([201, 200]);
    expect(byUser.body.id).toBe(byKey.body.id);
  });

  it.each([
    ["longer than 255 characters", "k".repeat(256)],
    ["empty", ""],
  ])("rejects a key %s with 400", async (_label, key) => {
    const payload = deliveryPayload();
    const res = await create(keyA, payload, { "idempotency-key": key });
    expectProblem(res, 400);
    expect(await rowsWith(payload.externalReference)).toBe(0);
  });

  it("accepts a key of exactly 255 printable characters", async () => {
    const res = await create(keyA, deliveryPayload(), { "idempotency-key": `${randomUUID()}~!@ #`.padEnd(255, "x") });
    expect(res.status).toBe(201);
  });

  it("never claims a key for a request that fails validation or authentication", async () => {
    const key = randomUUID();
    const invalid = await create(keyA, deliveryPayload({ deliveryDate: "2000-01-01" }), { "idempotency-key": key });
    expect(errorPaths(invalid)).toContain("deliveryDate");
    expectProblem(await create({ apiKey: world.revokedKey }, deliveryPayload(), { "idempotency-key": key }), 401);
    const valid = await create(keyA, deliveryPayload(), { "idempotency-key": key });
    expect(valid.status).toBe(201);
  });
});

describe("a retry after midnight UTC", () => {
  const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

  /**
   * What the first attempt left behind when it was sent yesterday, for yesterday: the delivery
   * with the key and fingerprint of that request, written by the create statement itself (the
   * date rule lives in createDelivery, which would refuse the date today).
   */
  async function acceptedYesterday(payload: Record<string, unknown>, headerKey?: string) {
    const input = createDeliverySchema.parse(payload);
    const actor: Actor = {
      kind: "API_KEY",
      id: world.partnerA.apiKeyId,
      role: "API_KEY",
      partnerId: world.partnerA.id,
    };
    const idempotencyKey = headerKey
      ? explicitIdempotencyKey(world.partnerA.id, headerKey)
      : derivedIdempotencyKey(world.partnerA.id, input);
    const [row] = await db.$queryRaw<{ id: string }[]>(
      createDeliveryStatement({
        input,
        actor,
        partnerId: world.partnerA.id,
        idempotencyKey,
        fingerprint: requestFingerprint(input),
        trackingCode: newTrackingCode(),
      }),
    );
    return row.id;
  }

  it("replays the delivery of an identical request although its date is now in the past", async () => {
    const payload = deliveryPayload({ deliveryDate: yesterday() });
    const id = await acceptedYesterday(payload);
    const retry = await create(keyA, payload);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toMatchObject({ id, deliveryDate: yesterday() });
    expect(await rowsWith(payload.externalReference)).toBe(1);
  });

  it("replays for the same Idempotency-Key and payload, and answers 422 for another payload", async () => {
    const key = randomUUID();
    const payload = deliveryPayload({ deliveryDate: yesterday() });
    const id = await acceptedYesterday(payload, key);
    const retry = await create(keyA, payload, { "idempotency-key": key });
    expect([retry.status, retry.body.id]).toEqual([200, id]);
    const other = await create(keyA, { ...payload, recipientName: "Grace Hopper" }, { "idempotency-key": key });
    expect(expectProblem(other, 422).deliveryId).toBe(id);
  });

  it("still refuses a new delivery for a past date, and claims no key doing so", async () => {
    const key = randomUUID();
    const payload = deliveryPayload({ deliveryDate: yesterday() });
    const res = await create(keyA, payload, { "idempotency-key": key });
    expect(expectProblem(res, 400).errors).toEqual([{ path: "deliveryDate", message: "Must be today or later" }]);
    expect(await rowsWith(payload.externalReference)).toBe(0);
    expect((await create(keyA, deliveryPayload(), { "idempotency-key": key })).status).toBe(201);
  });
});

describe("under concurrency", () => {
  it("turns 50 concurrent identical requests into one row: one 201 and 49 × 200 with the same id", async () => {
    const payload = deliveryPayload();
    const responses = await Promise.all(Array.from({ length: 50 }, () => create(keyA, payload)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49);
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    const winner = responses.find((r) => r.status === 201)!;
    for (const r of responses.filter((x) => x.status === 200)) {
      expect(r.headers.get("idempotent-replayed")).toBe("true");
      expect(r.body).toEqual(winner.body);
    }
    expect(await rowsWith(payload.externalReference)).toBe(1);
    const { events, outbox } = await sideEffects([...ids][0]);
    expect(events).toHaveLength(1);
    expect(outbox).toHaveLength(1);
  });

  it("turns 20 concurrent requests with one explicit key and one payload into one row", async () => {
    const payload = deliveryPayload();
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => create(keyA, payload, { "idempotency-key": key })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, ...Array(18).fill(200), 201].sort());
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await rowsWith(payload.externalReference)).toBe(1);
  });

  it("gives concurrent requests with one key and different payloads one 201 and only 422s otherwise", async () => {
    const key = randomUUID();
    const payloads = Array.from({ length: 10 }, () => deliveryPayload());
    const responses = await Promise.all(payloads.map((p) => create(keyA, p, { "idempotency-key": key })));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(9);
    const created = await db.delivery.count({
      where: { externalReference: { in: payloads.map((p) => p.externalReference) } },
    });
    expect(created).toBe(1);
  });
});
