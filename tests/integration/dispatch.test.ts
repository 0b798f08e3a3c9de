// Dispatch over HTTP: admins assign, reassign and unassign couriers; couriers see and
// move only what is assigned to them (404 elsewhere); every assignee change is a history row, and
// racing assignments leave one assignee and a gapless history.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { OPERATOR_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import {
  api,
  createDeliveryAs,
  createWorld,
  errorPaths,
  expectProblem,
  sideEffects,
  signIn,
  startAs,
  transitionAs,
  type Caller,
  type World,
} from "./support";

let world: World;
let admin: Caller;
let courier: Caller;
let partnerA: Caller;
let keyA: Caller;
let otherCourier: { id: string; as: Caller };

const assign = (as: Caller, id: string, assigneeId: string | null, headers: Record<string, string> = {}) =>
  api("PUT", `/api/v1/deliveries/${id}/assignment`, { as, json: { assigneeId }, headers });

beforeAll(async () => {
  world = await createWorld();
  admin = { cookie: world.admin.cookie };
  courier = { cookie: world.courier.cookie };
  partnerA = { cookie: world.partnerA.cookie };
  keyA = { apiKey: world.partnerA.apiKey };
  const tag = randomUUID().slice(0, 8);
  const user = await createUser({
    actor: OPERATOR_ACTOR,
    input: { email: `courier2-${tag}@test.example`, password: "correct-horse-battery", role: "COURIER" },
  });
  otherCourier = { id: user.id, as: await signIn(user.email, "correct-horse-battery") };
});

describe("assigning a courier", () => {
  it("moves CREATED → ASSIGNED, names the assignee, and records it in the history and the outbox", async () => {
    const d = await createDeliveryAs(keyA);
    const res = await assign(admin, d.id, world.courier.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ASSIGNED", version: 2, assignee: { id: world.courier.id } });
    expect(res.headers.get("etag")).toBe('"2"');
    const { events, outbox } = await sideEffects(d.id);
    expect(events.map((e) => [e.version, e.fromStatus, e.toStatus, e.assigneeId])).toEqual([
      [1, null, "CREATED", null],
      [2, "CREATED", "ASSIGNED", world.courier.id],
    ]);
    expect(outbox.map((o) => o.name)).toEqual(["delivery/created", "delivery/assigned"]);
    expect(outbox[1].payload).toMatchObject({ assigneeId: world.courier.id, previousAssigneeId: null, version: 2 });
  });

  it("reassigns while ASSIGNED and unassigns back to CREATED, each a history row", async () => {
    const d = await createDeliveryAs(keyA);
    await assign(admin, d.id, world.courier.id);
    const again = await assign(admin, d.id, world.courier.id);
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(2); // the same courier again changes nothing
    const moved = await assign(admin, d.id, otherCourier.id);
    expect(moved.body).toMatchObject({ status: "ASSIGNED", version: 3, assignee: { id: otherCourier.id } });
    const back = await assign(admin, d.id, null);
    expect(back.body).toMatchObject({ status: "CREATED", version: 4, assignee: null });
    const { events, outbox } = await sideEffects(d.id);
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.assigneeId])).toEqual([
      [null, "CREATED", null],
      ["CREATED", "ASSIGNED", world.courier.id],
      ["ASSIGNED", "ASSIGNED", otherCourier.id],
      ["ASSIGNED", "CREATED", null],
    ]);
    expect(outbox.map((o) => o.name)).toEqual([
      "delivery/created",
      "delivery/assigned",
      "delivery/assigned",
      "delivery/status.changed",
    ]);
    const history = await api("GET", `/api/v1/deliveries/${d.id}/events`, { as: partnerA });
    expect(history.body.data.map((e: { assigneeId: string | null }) => e.assigneeId)).toEqual([
      null,
      world.courier.id,
      otherCourier.id,
      null,
    ]);
  });

  it("refuses an assignee who is not an active courier with 400 and changes nothing", async () => {
    const d = await createDeliveryAs(keyA);
    for (const id of [world.admin.id, world.partnerA.userId, randomUUID()]) {
      const res = await assign(admin, d.id, id);
      expect(errorPaths(res)).toEqual(["assigneeId"]);
      expectProblem(res, 400);
    }
    expect((await db.delivery.findUniqueOrThrow({ where: { id: d.id } })).version).toBe(1);
  });

  it("refuses to assign a delivery that has left or is final with 409", async () => {
    const d = await createDeliveryAs(keyA);
    await startAs(admin, d.id, world.courier.id);
    expect(expectProblem(await assign(admin, d.id, otherCourier.id), 409).currentStatus).toBe("IN_TRANSIT");
    expectProblem(await assign(admin, d.id, null), 409);
    const row = await db.delivery.findUniqueOrThrow({ where: { id: d.id } });
    expect([row.status, row.assigneeId, row.version]).toEqual(["IN_TRANSIT", world.courier.id, 3]);
  });

  it("answers 412 to a stale If-Match", async () => {
    const d = await createDeliveryAs(keyA);
    expectProblem(await assign(admin, d.id, world.courier.id, { "if-match": '"7"' }), 412);
    expect((await assign(admin, d.id, world.courier.id, { "if-match": '"1"' })).status).toBe(200);
  });

  it("is not a route for partners, API keys or couriers (404), and changes nothing", async () => {
    const d = await createDeliveryAs(keyA);
    for (const as of [partnerA, keyA, courier]) {
      expectProblem(await assign(as, d.id, world.courier.id), 404);
    }
    expect((await db.delivery.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("CREATED");
  });

  it("sends a move to ASSIGNED through the status endpoint to the assignment endpoint (409)", async () => {
    const d = await createDeliveryAs(keyA);
    const res = await api("POST", `/api/v1/deliveries/${d.id}/status`, { as: admin, json: { status: "ASSIGNED" } });
    expect(expectProblem(res, 409).detail).toMatch(/assignment/);
  });

  it("lets the partner cancel an ASSIGNED delivery", async () => {
    const d = await createDeliveryAs(keyA);
    await assign(admin, d.id, world.courier.id);
    const res = await transitionAs(keyA, d.id, "CANCELLED");
    expect(res.status).toBe("CANCELLED");
  });
});

describe("racing assignments", () => {
  it("two admins assigning at once leave one assignee and a gapless history", async () => {
    const d = await createDeliveryAs(keyA);
    const tag = randomUUID().slice(0, 8);
    const second = await createUser({
      actor: OPERATOR_ACTOR,
      input: { email: `admin2-${tag}@test.example`, password: "correct-horse-battery", role: "ADMIN" },
    });
    const admin2 = await signIn(second.email, "correct-horse-battery");
    const [a, b] = await Promise.all([assign(admin, d.id, world.courier.id), assign(admin2, d.id, otherCourier.id)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const row = await db.delivery.findUniqueOrThrow({ where: { id: d.id } });
    const { events, outbox } = await sideEffects(d.id);
    expect(events.map((e) => e.version)).toEqual([1, 2, 3]);
    expect(events[1]).toMatchObject({ fromStatus: "CREATED", toStatus: "ASSIGNED" });
    expect(events[2]).toMatchObject({ fromStatus: "ASSIGNED", toStatus: "ASSIGNED" });
    // The row and the last history row agree on who has it.
    expect(row.assigneeId).toBe(events[2].assigneeId);
    expect(row.version).toBe(3);
    expect(outbox.filter((o) => o.name === "delivery/assigned")).toHaveLength(2);
  });

  it("with the same If-Match, one of 8 concurrent assignments wins and the rest get 412", async () => {
    const d = await createDeliveryAs(keyA);
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        assign(admin, d.id, i % 2 ? world.courier.id : otherCourier.id, { "if-match": '"1"' }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 412, 412, 412, 412, 412, 412, 412]);
    const { events } = await sideEffects(d.id);
    expect(events.map((e) => e.version)).toEqual([1, 2]);
  });
});

describe("dispatch's queue in the API", () => {
  it("lists and exports the deliveries nobody has with assigneeId=none", async () => {
    const taken = await createDeliveryAs(keyA);
    const waiting = await createDeliveryAs(keyA);
    await assign(admin, taken.id, world.courier.id);
    const res = await api("GET", `/api/v1/deliveries?limit=100&partnerId=${world.partnerA.id}&assigneeId=none`, {
      as: admin,
    });
    expect(res.status).toBe(200);
    const ids = res.body.data.map((d: { id: string }) => d.id);
    expect(ids).toContain(waiting.id);
    expect(ids).not.toContain(taken.id);
    expect(res.body.data.every((d: { assignee: unknown }) => d.assignee === null)).toBe(true);
    const csv = await api("GET", `/api/v1/deliveries.csv?partnerId=${world.partnerA.id}&assigneeId=none`, {
      as: admin,
    });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain(waiting.trackingCode);
    expect(String(csv.body)).not.toContain(taken.trackingCode);
    expectProblem(await api("GET", "/api/v1/deliveries?assigneeId=nobody", { as: admin }), 400);
  });
});

describe("a courier's reach", () => {
  it("lists only the deliveries assigned to them, whatever filter they send", async () => {
    const mine = await createDeliveryAs(keyA);
    const theirs = await createDeliveryAs(keyA);
    const nobodys = await createDeliveryAs(keyA);
    await assign(admin, mine.id, otherCourier.id);
    await assign(admin, theirs.id, world.courier.id);
    const res = await api("GET", `/api/v1/deliveries?limit=100&assigneeId=${world.courier.id}`, {
      as: otherCourier.as,
    });
    expect(res.status).toBe(200);
    const ids = res.body.data.map((d: { id: string }) => d.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(ids).not.toContain(nobodys.id);
    expect(new Set(res.body.data.map((d: { assignee: { id: string } }) => d.assignee.id))).toEqual(
      new Set([otherCourier.id]),
    );
  });

  it("answers 404 for another courier's or an unassigned delivery: read, history, move", async () => {
    const theirs = await createDeliveryAs(keyA);
    const unassigned = await createDeliveryAs(keyA);
    await assign(admin, theirs.id, otherCourier.id);
    for (const d of [theirs, unassigned]) {
      const missing = expectProblem(await api("GET", `/api/v1/deliveries/${randomUUID()}`, { as: courier }), 404);
      const other = expectProblem(await api("GET", `/api/v1/deliveries/${d.id}`, { as: courier }), 404);
      expect({ ...other, instance: undefined }).toEqual({ ...missing, instance: undefined });
      expectProblem(await api("GET", `/api/v1/deliveries/${d.id}/events`, { as: courier }), 404);
      const move = await api("POST", `/api/v1/deliveries/${d.id}/status`, {
        as: courier,
        json: { status: "IN_TRANSIT" },
      });
      expectProblem(move, 404);
    }
    expect((await db.delivery.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("ASSIGNED");
    expect((await sideEffects(theirs.id)).events).toHaveLength(2);
  });

  it("lets the assigned courier start, then complete their delivery; the history names them", async () => {
    const d = await createDeliveryAs(keyA);
    await assign(admin, d.id, world.courier.id);
    expect((await api("GET", `/api/v1/deliveries/${d.id}`, { as: courier })).status).toBe(200);
    expect((await transitionAs(courier, d.id, "IN_TRANSIT")).status).toBe("IN_TRANSIT");
    const done = await transitionAs(courier, d.id, "COMPLETED");
    expect(done).toMatchObject({ status: "COMPLETED", assignee: { id: world.courier.id } });
    const { events } = await sideEffects(d.id);
    expect(events.slice(2).map((e) => [e.toStatus, e.actorId, e.assigneeId])).toEqual([
      ["IN_TRANSIT", world.courier.id, world.courier.id],
      ["COMPLETED", world.courier.id, world.courier.id],
    ]);
  });

  it("lets a courier fail a delivery only with a reason, and never cancel or unassign it", async () => {
    const d = await createDeliveryAs(keyA);
    await assign(admin, d.id, world.courier.id);
    for (const status of ["CANCELLED", "CREATED"]) {
      const res = await api("POST", `/api/v1/deliveries/${d.id}/status`, { as: courier, json: { status } });
      expectProblem(res, 403);
    }
    await transitionAs(courier, d.id, "IN_TRANSIT");
    const noReason = await api("POST", `/api/v1/deliveries/${d.id}/status`, {
      as: courier,
      json: { status: "FAILED" },
    });
    expect(errorPaths(noReason)).toEqual(["reason"]);
    expect((await transitionAs(courier, d.id, "FAILED", "Nobody home")).status).toBe("FAILED");
  });

  it("loses the delivery the moment it is reassigned", async () => {
    const d = await createDeliveryAs(keyA);
    await assign(admin, d.id, world.courier.id);
    await assign(admin, d.id, otherCourier.id);
    expectProblem(await api("GET", `/api/v1/deliveries/${d.id}`, { as: courier }), 404);
    expect((await api("GET", `/api/v1/deliveries/${d.id}`, { as: otherCourier.as })).status).toBe(200);
  });
});

describe("couriers for dispatch", () => {
  it("lists couriers with their load to admins only", async () => {
    const d = await createDeliveryAs(keyA);
    await assign(admin, d.id, world.courier.id);
    const res = await api("GET", "/api/v1/couriers", { as: admin });
    expect(res.status).toBe(200);
    const mine = res.body.data.find((c: { id: string }) => c.id === world.courier.id);
    expect(mine).toMatchObject({ active: true, assigned: expect.any(Number), inTransit: expect.any(Number) });
    expect(mine.assigned).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).not.toContain("@test.example");
    for (const as of [partnerA, keyA, courier]) expectProblem(await api("GET", "/api/v1/couriers", { as }), 404);
  });

  it("filters the admin's list by assignee", async () => {
    const d = await createDeliveryAs(keyA);
    await assign(admin, d.id, otherCourier.id);
    const res = await api("GET", `/api/v1/deliveries?limit=100&assigneeId=${otherCourier.id}`, { as: admin });
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(res.body.data.every((x: { assignee: { id: string } }) => x.assignee?.id === otherCourier.id)).toBe(true);
    expect(res.body.data.map((x: { id: string }) => x.id)).toContain(d.id);
  });
});
