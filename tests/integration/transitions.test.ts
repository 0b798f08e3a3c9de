// The delivery lifecycle over HTTP (DESIGN §4): every transition allowed and refused, who may make
// it, reasons, If-Match, races, and the status event + outbox row each change writes atomically.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  api,
  assignAs,
  createDeliveryAs,
  createWorld,
  errorPaths,
  expectProblem,
  sideEffects,
  startAs,
  transitionAs,
  type Caller,
  type World,
} from "./support";
import { OPERATOR_ACTOR } from "@/lib/auth/actor";

type Status = "CREATED" | "ASSIGNED" | "IN_TRANSIT" | "COMPLETED" | "FAILED" | "CANCELLED";
const STATUSES: Status[] = ["CREATED", "ASSIGNED", "IN_TRANSIT", "COMPLETED", "FAILED", "CANCELLED"];

/**
 * DESIGN §4, written out independently of lib/deliveries/state-machine.ts: what the status endpoint
 * lets an admin do, in the order a refusal lists it. A delivery goes IN_TRANSIT only from ASSIGNED
 * (it needs its courier first); ASSIGNED → CREATED is the unassign.
 */
const ADMIN_NEXT: Record<Status, Status[]> = {
  CREATED: ["FAILED", "CANCELLED"],
  ASSIGNED: ["CREATED", "IN_TRANSIT", "FAILED", "CANCELLED"],
  IN_TRANSIT: ["COMPLETED", "FAILED"],
  COMPLETED: [],
  FAILED: [],
  CANCELLED: [],
};
const PARTNER_NEXT: Record<Status, Status[]> = {
  CREATED: ["CANCELLED"],
  ASSIGNED: ["CANCELLED"],
  IN_TRANSIT: [],
  COMPLETED: [],
  FAILED: [],
  CANCELLED: [],
};
/** Moves that set a courier: the assignment endpoint's (admins only), never the status endpoint's. */
const ASSIGNMENT_MOVES: [Status, Status][] = [
  ["CREATED", "ASSIGNED"],
  ["ASSIGNED", "ASSIGNED"],
];
const isAssignment = (from: Status, to: Status) => ASSIGNMENT_MOVES.some(([f, t]) => f === from && t === to);

let world: World;
let admin: Caller;
let keyA: Caller;
let userA: Caller;

beforeAll(async () => {
  world = await createWorld();
  admin = { cookie: world.admin.cookie };
  keyA = { apiKey: world.partnerA.apiKey };
  userA = { cookie: world.partnerA.cookie };
});

const move = (as: Caller, id: string, json: unknown, headers?: Record<string, string>) =>
  api("POST", `/api/v1/deliveries/${id}/status`, { as, json, headers });

/**
 * A delivery of partner A brought to `status` by the admin along the shortest path; ASSIGNED is the
 * assignment of the world's courier.
 */
async function deliveryIn(status: Status) {
  const d = await createDeliveryAs(keyA);
  const path: Record<Status, [Status, string?][]> = {
    CREATED: [],
    ASSIGNED: [["ASSIGNED"]],
    IN_TRANSIT: [["ASSIGNED"], ["IN_TRANSIT"]],
    COMPLETED: [["ASSIGNED"], ["IN_TRANSIT"], ["COMPLETED"]],
    FAILED: [["FAILED", "Address does not exist"]],
    CANCELLED: [["CANCELLED"]],
  };
  let version = 1;
  for (const [to, reason] of path[status]) {
    const moved =
      to === "ASSIGNED" ? await assignAs(admin, d.id, world.courier.id) : await transitionAs(admin, d.id, to, reason);
    version = moved.version;
  }
  return { id: d.id, version };
}

const reasonFor = (to: Status) => (to === "FAILED" ? "Recipient unreachable" : undefined);

describe("allowed transitions", () => {
  const allowed = STATUSES.flatMap((from) => ADMIN_NEXT[from].map((to) => [from, to] as const));

  it.each(allowed)("lets an admin move %s → %s, bumping version and ETag", async (from, to) => {
    const d = await deliveryIn(from);
    const res = await move(admin, d.id, { status: to, reason: reasonFor(to) });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe(to);
    expect(res.body.version).toBe(d.version + 1);
    expect(res.headers.get("etag")).toBe(`"${d.version + 1}"`);
    const read = await api("GET", `/api/v1/deliveries/${d.id}`, { as: admin });
    expect(read.body.status).toBe(to);
    expect(read.headers.get("etag")).toBe(`"${d.version + 1}"`);
  });

  it.each([
    ["partner user", "CREATED", () => userA] as const,
    ["partner API key", "CREATED", () => keyA] as const,
    ["partner user", "ASSIGNED", () => userA] as const,
    ["partner API key", "ASSIGNED", () => keyA] as const,
  ])("lets a %s cancel a %s delivery, with an optional reason kept in the history", async (_label, from, as) => {
    const d = await deliveryIn(from);
    const res = await move(as(), d.id, { status: "CANCELLED", reason: "Customer changed their mind" });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("CANCELLED");
    const events = await api("GET", `/api/v1/deliveries/${d.id}/events`, { as: as() });
    expect(events.body.data.at(-1)).toMatchObject({
      from,
      to: "CANCELLED",
      reason: "Customer changed their mind",
    });
  });
});

describe("refused transitions", () => {
  const refused = STATUSES.flatMap((from) =>
    STATUSES.filter((to) => !ADMIN_NEXT[from].includes(to)).map((to) => [from, to] as const),
  );

  it.each(refused)("answers an admin's %s → %s with 409 listing allowedTransitions", async (from, to) => {
    const d = await deliveryIn(from);
    const res = await move(admin, d.id, { status: to, reason: "because" });
    const problem = expectProblem(res, 409);
    expect(problem.type).toBe("/problems/invalid-transition");
    expect(problem.allowedTransitions).toEqual(ADMIN_NEXT[from]);
    expect(problem.currentStatus).toBe(from);
    const row = await db.delivery.findUniqueOrThrow({ where: { id: d.id } });
    expect([row.status, row.version]).toEqual([from, d.version]);
  });

  it("refuses an admin's CREATED → IN_TRANSIT (no courier yet) with the same 409, and starts it once assigned", async () => {
    const d = await deliveryIn("CREATED");
    const problem = expectProblem(await move(admin, d.id, { status: "IN_TRANSIT" }), 409);
    expect(problem).toMatchObject({
      type: "/problems/invalid-transition",
      currentStatus: "CREATED",
      allowedTransitions: ["FAILED", "CANCELLED"],
    });
    // The very problem any other move outside the table gets.
    const other = await deliveryIn("COMPLETED");
    const outside = expectProblem(await move(admin, other.id, { status: "CANCELLED" }), 409);
    expect(Object.keys(problem).sort()).toEqual(Object.keys(outside).sort());
    expect([problem.type, problem.title]).toEqual([outside.type, outside.title]);
    const row = await db.delivery.findUniqueOrThrow({ where: { id: d.id } });
    expect([row.status, row.version, row.assigneeId]).toEqual(["CREATED", 1, null]);
    const { events, outbox } = await sideEffects(d.id);
    expect([events.length, outbox.length]).toEqual([1, 1]);

    await assignAs(admin, d.id, world.courier.id);
    const started = await move(admin, d.id, { status: "IN_TRANSIT" });
    expect(started.body).toMatchObject({ status: "IN_TRANSIT", version: 3, assignee: { id: world.courier.id } });
  });

  /** Valid moves only an admin may make through the status endpoint, and the assignment moves. */
  const partnerForbidden: [Status, Status][] = [
    ["CREATED", "FAILED"],
    ["CREATED", "ASSIGNED"],
    ["ASSIGNED", "CREATED"],
    ["ASSIGNED", "ASSIGNED"],
    ["ASSIGNED", "IN_TRANSIT"],
    ["ASSIGNED", "FAILED"],
    ["IN_TRANSIT", "COMPLETED"],
    ["IN_TRANSIT", "FAILED"],
  ];
  it.each(partnerForbidden)("answers a partner's API key %s → %s (an admin-only move) with 403", async (from, to) => {
    const d = await deliveryIn(from);
    for (const as of [keyA, userA]) {
      const res = await move(as, d.id, { status: to, reason: reasonFor(to) });
      expect(expectProblem(res, 403).type).toBe("/problems/forbidden");
    }
    const row = await db.delivery.findUniqueOrThrow({ where: { id: d.id } });
    expect([row.status, row.version]).toEqual([from, d.version]);
  });

  const partnerInvalid = STATUSES.flatMap((from) =>
    STATUSES.filter((to) => !ADMIN_NEXT[from].includes(to) && !isAssignment(from, to)).map((to) => [from, to] as const),
  );
  it.each(partnerInvalid)(
    "answers a partner's %s → %s (no such transition) with 409 listing what it may do",
    async (from, to) => {
      const d = await deliveryIn(from);
      const problem = expectProblem(await move(keyA, d.id, { status: to }), 409);
      expect(problem.allowedTransitions).toEqual(PARTNER_NEXT[from]);
    },
  );

  it("answers FAILED without a reason with 400 and errors[path=reason]", async () => {
    for (const from of ["CREATED", "ASSIGNED", "IN_TRANSIT"] as const) {
      const d = await deliveryIn(from);
      for (const body of [
        { status: "FAILED" },
        { status: "FAILED", reason: "   " },
        { status: "FAILED", reason: null },
      ]) {
        const res = await move(admin, d.id, body);
        expectProblem(res, 400);
        expect(errorPaths(res)).toEqual(["reason"]);
      }
      const row = await db.delivery.findUniqueOrThrow({ where: { id: d.id } });
      expect([row.status, row.version]).toEqual([from, d.version]);
    }
  });

  it("keeps the reason of a FAILED delivery in its history", async () => {
    const d = await deliveryIn("IN_TRANSIT");
    expect((await move(admin, d.id, { status: "FAILED", reason: "  Van broke   down " })).status).toBe(200);
    const events = await api("GET", `/api/v1/deliveries/${d.id}/events`, { as: keyA });
    expect(events.body.data.at(-1)).toMatchObject({ from: "IN_TRANSIT", to: "FAILED", reason: "Van broke   down" });
  });

  it("answers 404 for an unknown or malformed delivery id", async () => {
    expectProblem(await move(admin, randomUUID(), { status: "CANCELLED" }), 404);
    expectProblem(await move(admin, "not-a-uuid", { status: "CANCELLED" }), 404);
    expectProblem(await move(keyA, "DLV-2345ABCD", { status: "CANCELLED" }), 404);
  });
});

describe("If-Match", () => {
  it("applies the change when If-Match carries the current ETag, and the ETag increments", async () => {
    const d = await deliveryIn("ASSIGNED");
    const read = await api("GET", `/api/v1/deliveries/${d.id}`, { as: admin });
    expect(read.headers.get("etag")).toBe('"2"');
    const first = await move(admin, d.id, { status: "IN_TRANSIT" }, { "if-match": read.headers.get("etag")! });
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).toBe('"3"');
    const second = await move(admin, d.id, { status: "COMPLETED" }, { "if-match": first.headers.get("etag")! });
    expect(second.status).toBe(200);
    expect(second.headers.get("etag")).toBe('"4"');
    expect(second.body.version).toBe(4);
  });

  it("answers a stale If-Match with 412 and changes nothing", async () => {
    const d = await deliveryIn("IN_TRANSIT");
    const res = await move(admin, d.id, { status: "COMPLETED" }, { "if-match": '"1"' });
    const problem = expectProblem(res, 412);
    expect(problem.type).toBe("/problems/precondition-failed");
    expect(problem.currentVersion).toBe(3);
    const row = await db.delivery.findUniqueOrThrow({ where: { id: d.id } });
    expect([row.status, row.version]).toEqual(["IN_TRANSIT", 3]);
    expect((await sideEffects(d.id)).events).toHaveLength(3);
  });

  it("answers an If-Match from the future with 412", async () => {
    const d = await deliveryIn("CREATED");
    expectProblem(await move(keyA, d.id, { status: "CANCELLED" }, { "if-match": '"7"' }), 412);
  });

  it("treats If-Match: * as no precondition", async () => {
    const d = await deliveryIn("CREATED");
    expect((await move(keyA, d.id, { status: "CANCELLED" }, { "if-match": "*" })).status).toBe(200);
  });

  it("answers a malformed If-Match with 400 naming the header", async () => {
    const d = await deliveryIn("CREATED");
    const res = await move(keyA, d.id, { status: "CANCELLED" }, { "if-match": "yesterday" });
    expectProblem(res, 400);
    expect(errorPaths(res)).toEqual(["If-Match"]);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("CREATED");
  });

  it("does not reveal another partner's delivery through a stale If-Match: 404 comes first", async () => {
    const d = await deliveryIn("CREATED");
    const res = await move({ apiKey: world.partnerB.apiKey }, d.id, { status: "CANCELLED" }, { "if-match": '"9"' });
    expectProblem(res, 404);
  });
});

describe("concurrent transitions", () => {
  it("serializes 10 concurrent cancellations: one 200, nine 409, one status event", async () => {
    const d = await deliveryIn("CREATED");
    const responses = await Promise.all(Array.from({ length: 10 }, () => move(admin, d.id, { status: "CANCELLED" })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    for (const r of responses.filter((x) => x.status === 409)) expect(r.body.allowedTransitions).toEqual([]);
    const { events, outbox } = await sideEffects(d.id);
    expect(events.map((e) => e.toStatus)).toEqual(["CREATED", "CANCELLED"]);
    expect(outbox).toHaveLength(2);
  });

  it("judges the second of two racing moves against the first one's result", async () => {
    const d = await deliveryIn("ASSIGNED");
    const [a, b] = await Promise.all([
      move(admin, d.id, { status: "IN_TRANSIT" }),
      move(admin, d.id, { status: "CANCELLED" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.body.currentStatus).toBe(winner.body.status);
    const row = await db.delivery.findUniqueOrThrow({ where: { id: d.id } });
    expect([row.status, row.version]).toEqual([winner.body.status, 3]);
  });

  it("lets exactly one of 10 concurrent moves with the same If-Match win; the rest get 412", async () => {
    const d = await deliveryIn("ASSIGNED");
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        move(admin, d.id, { status: i % 2 ? "IN_TRANSIT" : "CANCELLED" }, { "if-match": '"2"' }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(412)]);
    expect((await sideEffects(d.id)).events).toHaveLength(3);
  });
});

describe("status history and outbox", () => {
  it("writes exactly one status event and one outbox row on create", async () => {
    const d = await createDeliveryAs(keyA);
    const { events, outbox } = await sideEffects(d.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      version: 1,
      fromStatus: null,
      toStatus: "CREATED",
      actorKind: "API_KEY",
      actorId: world.partnerA.apiKeyId,
    });
    expect(outbox).toHaveLength(1);
    expect(outbox[0].name).toBe("delivery/created");
    expect(outbox[0].payload).toMatchObject({
      deliveryId: d.id,
      partnerId: world.partnerA.id,
      trackingCode: d.trackingCode,
      status: "CREATED",
    });
  });

  it("writes exactly one status event and one outbox row per transition, none for a refused one", async () => {
    const d = await createDeliveryAs(userA);
    expectProblem(await move(admin, d.id, { status: "IN_TRANSIT" }), 409);
    await startAs(admin, d.id, world.courier.id);
    expectProblem(await move(admin, d.id, { status: "CANCELLED" }), 409);
    expectProblem(await move(keyA, d.id, { status: "COMPLETED" }), 403);
    expectProblem(await move(admin, d.id, { status: "FAILED" }), 400);
    expectProblem(await move(admin, d.id, { status: "COMPLETED" }, { "if-match": '"1"' }), 412);
    await transitionAs(admin, d.id, "COMPLETED");
    const { events, outbox } = await sideEffects(d.id);
    expect(events.map((e) => [e.version, e.fromStatus, e.toStatus, e.actorKind, e.actorId, e.assigneeId])).toEqual([
      [1, null, "CREATED", "USER", world.partnerA.userId, null],
      [2, "CREATED", "ASSIGNED", "USER", world.admin.id, world.courier.id],
      [3, "ASSIGNED", "IN_TRANSIT", "USER", world.admin.id, world.courier.id],
      [4, "IN_TRANSIT", "COMPLETED", "USER", world.admin.id, world.courier.id],
    ]);
    expect(outbox.map((o) => o.name)).toEqual([
      "delivery/created",
      "delivery/assigned",
      "delivery/status.changed",
      "delivery/status.changed",
    ]);
    expect(outbox.slice(1).map((o) => [o.payload.from, o.payload.to, o.payload.version])).toEqual([
      ["CREATED", "ASSIGNED", 2],
      ["ASSIGNED", "IN_TRANSIT", 3],
      ["IN_TRANSIT", "COMPLETED", 4],
    ]);
  });

  it("returns the history oldest first with actor and reason", async () => {
    const d = await createDeliveryAs(keyA);
    await startAs(admin, d.id, world.courier.id);
    await transitionAs(admin, d.id, "FAILED", "Nobody home");
    const res = await api("GET", `/api/v1/deliveries/${d.id}/events`, { as: userA });
    expect(res.status).toBe(200);
    expect(res.body.data.map((e: any) => [e.from, e.to, e.actor.kind, e.reason])).toEqual([
      [null, "CREATED", "API_KEY", null],
      ["CREATED", "ASSIGNED", "USER", null],
      ["ASSIGNED", "IN_TRANSIT", "USER", null],
      ["IN_TRANSIT", "FAILED", "USER", "Nobody home"],
    ]);
    const times = res.body.data.map((e: any) => Date.parse(e.createdAt));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
  });

  describe("when writing the outbox row fails", () => {
    // A trigger that makes the outbox insert fail for chosen deliveries/partners proves that the
    // status change, its event and its outbox row commit or roll back together.
    beforeAll(async () => {
      await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS test_outbox_failures (key text PRIMARY KEY)`);
      await db.$executeRawUnsafe(`
        CREATE OR REPLACE FUNCTION test_fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM test_outbox_failures f
                     WHERE f.key IN (NEW."payload"->>'deliveryId', NEW."payload"->>'partnerId')) THEN
            RAISE EXCEPTION 'test_fail_outbox: simulated outbox failure';
          END IF;
          RETURN NEW;
        END $$`);
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_fail_outbox ON "OutboxEvent"`);
      await db.$executeRawUnsafe(
        `CREATE TRIGGER test_fail_outbox BEFORE INSERT ON "OutboxEvent" FOR EACH ROW EXECUTE FUNCTION test_fail_outbox()`,
      );
    });
    afterAll(async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_fail_outbox ON "OutboxEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS test_fail_outbox()`);
      await db.$executeRawUnsafe(`DROP TABLE IF EXISTS test_outbox_failures`);
    });

    it("rolls the transition and its status event back, answering a generic 500 without SQL", async () => {
      const d = await deliveryIn("ASSIGNED");
      await db.$executeRawUnsafe(`INSERT INTO test_outbox_failures VALUES ($1)`, d.id);
      const res = await move(admin, d.id, { status: "IN_TRANSIT" });
      const problem = expectProblem(res, 500);
      expect(problem.type).toBe("/problems/internal");
      expect(JSON.stringify(res.body)).not.toMatch(/test_fail_outbox|OutboxEvent|INSERT|plpgsql|at .*\.js/);
      const row = await db.delivery.findUniqueOrThrow({ where: { id: d.id } });
      expect([row.status, row.version]).toEqual(["ASSIGNED", 2]);
      const { events, outbox } = await sideEffects(d.id);
      expect(events).toHaveLength(2);
      expect(outbox).toHaveLength(2);
      await db.$executeRawUnsafe(`DELETE FROM test_outbox_failures WHERE key = $1`, d.id);
      expect((await move(admin, d.id, { status: "IN_TRANSIT" })).status).toBe(200);
    });

    it("creates no delivery and no status event when the creation's outbox row cannot be written", async () => {
      const { createPartner } = await import("@/lib/partners/create-partner");
      const { createApiKey } = await import("@/lib/auth/api-keys");
      const partner = await createPartner({
        actor: OPERATOR_ACTOR,
        input: { name: `Outage ${randomUUID().slice(0, 8)}` },
      });
      const key = await createApiKey({ partnerId: partner.id });
      await db.$executeRawUnsafe(`INSERT INTO test_outbox_failures VALUES ($1)`, partner.id);
      const res = await api("POST", "/api/v1/deliveries", {
        as: { apiKey: key.secret },
        json: {
          pickupAddress: "a",
          dropoffAddress: "b",
          recipientName: "c",
          deliveryDate: new Date().toISOString().slice(0, 10),
        },
      });
      expectProblem(res, 500);
      expect(await db.delivery.count({ where: { partnerId: partner.id } })).toBe(0);
      expect(await db.deliveryStatusEvent.count({ where: { delivery: { partnerId: partner.id } } })).toBe(0);
    });
  });
});
