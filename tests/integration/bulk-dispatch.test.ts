// Dispatch at volume over HTTP: bulk assign, unassign and cancel answer each row's outcome; a row
// that changed meanwhile (another version, another status) is skipped and named, never half-applied,
// and the rest go through the single-delivery path (history row and outbox event each).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { BULK_LIMIT } from "@/lib/deliveries/bulk-schemas";
import {
  api,
  createDeliveryAs,
  createWorld,
  errorPaths,
  expectProblem,
  sideEffects,
  transitionAs,
  type Caller,
  type World,
} from "./support";

let world: World;
let admin: Caller;
let keyA: Caller;

interface Result {
  id: string;
  trackingCode: string | null;
  outcome: "applied" | "unchanged" | "skipped";
  status: string | null;
  version: number | null;
  problem: { code: string; detail: string } | null;
}

const bulkAssign = (as: Caller, items: { id: string; version?: number }[], assigneeId: string | null) =>
  api<{ data: Result[]; summary: Record<string, number> }>("POST", "/api/v1/deliveries/bulk-assignments", {
    as,
    json: { items, assigneeId },
  });
const bulkCancel = (as: Caller, items: { id: string; version?: number }[], reason?: string) =>
  api<{ data: Result[]; summary: Record<string, number> }>("POST", "/api/v1/deliveries/bulk-cancellations", {
    as,
    json: reason === undefined ? { items } : { items, reason },
  });

const created = (n: number) => Promise.all(Array.from({ length: n }, () => createDeliveryAs(keyA)));
const statusOf = async (id: string) => (await db.delivery.findUniqueOrThrow({ where: { id } })).status;

beforeAll(async () => {
  world = await createWorld();
  admin = { cookie: world.admin.cookie };
  keyA = { apiKey: world.partnerA.apiKey };
});

describe("bulk assignment", () => {
  it("assigns every row through the single-delivery path: one history row and one outbox event each", async () => {
    const rows = await created(3);
    const res = await bulkAssign(
      admin,
      rows.map((d) => ({ id: d.id, version: d.version })),
      world.courier.id,
    );
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ applied: 3, unchanged: 0, skipped: 0 });
    expect(res.body.data).toEqual(
      rows.map((d) => ({
        id: d.id,
        trackingCode: d.trackingCode,
        outcome: "applied",
        status: "ASSIGNED",
        version: 2,
        problem: null,
      })),
    );
    for (const d of rows) {
      const { events, outbox } = await sideEffects(d.id);
      expect(events.map((e) => [e.fromStatus, e.toStatus, e.assigneeId])).toEqual([
        [null, "CREATED", null],
        ["CREATED", "ASSIGNED", world.courier.id],
      ]);
      expect(outbox.map((o) => o.name)).toEqual(["delivery/created", "delivery/assigned"]);
    }
    // The same courier again, at the version now shown: nothing changes, nothing is written.
    const again = await bulkAssign(
      admin,
      rows.map((d) => ({ id: d.id, version: 2 })),
      world.courier.id,
    );
    expect(again.body.summary).toEqual({ applied: 0, unchanged: 3, skipped: 0 });
    expect((await sideEffects(rows[0].id)).events).toHaveLength(2);
  });

  it("skips and names a row that changed since it was shown, and applies the others", async () => {
    const [stale, fresh, gone] = await created(3);
    await transitionAs(keyA, stale.id, "CANCELLED");
    const unknown = randomUUID();
    const res = await bulkAssign(
      admin,
      [
        { id: stale.id, version: 1 },
        { id: fresh.id, version: 1 },
        { id: unknown },
        { id: gone.id }, // no version: judged on its status now
      ],
      world.courier.id,
    );
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ applied: 2, unchanged: 0, skipped: 2 });
    const [a, b, c, d] = res.body.data;
    expect(a).toMatchObject({
      id: stale.id,
      trackingCode: stale.trackingCode,
      outcome: "skipped",
      status: "CANCELLED",
      version: 2,
      problem: { code: "changed" },
    });
    expect(b).toMatchObject({ id: fresh.id, outcome: "applied", status: "ASSIGNED" });
    expect(c).toMatchObject({ id: unknown, trackingCode: null, outcome: "skipped", problem: { code: "not_found" } });
    expect(d).toMatchObject({ id: gone.id, outcome: "applied", status: "ASSIGNED" });
    // The skipped row is exactly as it was: no history, no event, no assignee.
    const { events, outbox } = await sideEffects(stale.id);
    expect(events.map((e) => e.toStatus)).toEqual(["CREATED", "CANCELLED"]);
    expect(outbox.map((o) => o.name)).toEqual(["delivery/created", "delivery/status.changed"]);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: stale.id } })).assigneeId).toBeNull();
  });

  it("races concurrent changes: each row is either assigned or changed by the other caller, never both", async () => {
    const rows = await created(30);
    // The first five changed before the request: they must be skipped whatever the timing.
    await Promise.all(rows.slice(0, 5).map((d) => transitionAs(keyA, d.id, "CANCELLED")));
    const raced = rows.slice(5, 20);
    const [bulk, ...cancels] = await Promise.all([
      bulkAssign(
        admin,
        rows.map((d) => ({ id: d.id, version: 1 })),
        world.courier.id,
      ),
      ...raced.map((d) =>
        api("POST", `/api/v1/deliveries/${d.id}/status`, {
          as: keyA,
          json: { status: "CANCELLED" },
          headers: { "if-match": '"1"' },
        }),
      ),
    ]);
    expect(bulk.status).toBe(200);
    const byId = new Map(bulk.body.data.map((r) => [r.id, r]));
    for (const d of rows.slice(0, 5)) {
      expect(byId.get(d.id)).toMatchObject({ outcome: "skipped", status: "CANCELLED", problem: { code: "changed" } });
    }
    raced.forEach((d, i) => {
      const result = byId.get(d.id)!;
      if (cancels[i].status === 200) {
        expect(result).toMatchObject({
          outcome: "skipped",
          trackingCode: d.trackingCode,
          problem: { code: "changed" },
        });
      } else {
        expectProblem(cancels[i], 412);
        expect(result).toMatchObject({ outcome: "applied", status: "ASSIGNED" });
      }
    });
    for (const d of rows.slice(20)) expect(byId.get(d.id)).toMatchObject({ outcome: "applied" });
    // Never half-applied: every row has exactly one change after creation, matching its outcome.
    for (const d of rows) {
      const { events, outbox } = await sideEffects(d.id);
      const outcome = byId.get(d.id)!.outcome;
      expect(events.map((e) => e.toStatus)).toEqual(["CREATED", outcome === "applied" ? "ASSIGNED" : "CANCELLED"]);
      expect(outbox).toHaveLength(2);
      expect(await statusOf(d.id)).toBe(outcome === "applied" ? "ASSIGNED" : "CANCELLED");
    }
    expect(bulk.body.summary.applied + bulk.body.summary.skipped).toBe(30);
    expect(bulk.body.summary.skipped).toBeGreaterThanOrEqual(5);
  });

  it("unassigns ASSIGNED rows back to CREATED and skips a row that has no assignment", async () => {
    const [one, two, never] = await created(3);
    await bulkAssign(admin, [{ id: one.id }, { id: two.id }], world.courier.id);
    const res = await bulkAssign(admin, [{ id: one.id }, { id: two.id }, { id: never.id }], null);
    expect(res.body.summary).toEqual({ applied: 2, unchanged: 0, skipped: 1 });
    expect(res.body.data[0]).toMatchObject({ outcome: "applied", status: "CREATED", version: 3 });
    expect(res.body.data[2]).toMatchObject({
      id: never.id,
      outcome: "skipped",
      status: "CREATED",
      version: 1,
      problem: { code: "invalid_transition" },
    });
    expect((await db.delivery.findUniqueOrThrow({ where: { id: one.id } })).assigneeId).toBeNull();
  });
});

describe("bulk cancellation", () => {
  it("cancels with the reason in each history and skips a row already in transit", async () => {
    const [a, b, moving] = await created(3);
    await bulkAssign(admin, [{ id: moving.id }], world.courier.id);
    await transitionAs({ cookie: world.courier.cookie }, moving.id, "IN_TRANSIT");
    const res = await bulkCancel(
      admin,
      [{ id: a.id }, { id: b.id, version: 1 }, { id: moving.id }],
      "Storm closed the depot",
    );
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ applied: 2, unchanged: 0, skipped: 1 });
    expect(res.body.data[2]).toMatchObject({
      id: moving.id,
      trackingCode: moving.trackingCode,
      outcome: "skipped",
      status: "IN_TRANSIT",
      problem: { code: "invalid_transition" },
    });
    const { events, outbox } = await sideEffects(a.id);
    expect(events.at(-1)).toMatchObject({ toStatus: "CANCELLED", reason: "Storm closed the depot" });
    expect(outbox.at(-1)).toMatchObject({ name: "delivery/status.changed" });
    expect(await statusOf(moving.id)).toBe("IN_TRANSIT");
  });

  it("needs a reason, and writes nothing without one", async () => {
    const [d] = await created(1);
    for (const reason of [undefined, "   "]) {
      const res = await bulkCancel(admin, [{ id: d.id }], reason);
      expect(errorPaths(res)).toEqual(["reason"]);
      expectProblem(res, 400);
    }
    expect(await statusOf(d.id)).toBe("CREATED");
  });
});

describe("bulk requests that are refused whole", () => {
  it("answers 400 naming the field for duplicates, too many items, bad ids and a non-courier", async () => {
    const [d] = await created(1);
    const cases: [unknown, string][] = [
      [{ items: [{ id: d.id }, { id: d.id }], assigneeId: world.courier.id }, "items.1.id"],
      [{ items: [], assigneeId: world.courier.id }, "items"],
      [{ items: Array.from({ length: BULK_LIMIT + 1 }, () => ({ id: randomUUID() })), assigneeId: null }, "items"],
      [{ items: [{ id: "not-a-uuid" }], assigneeId: null }, "items.0.id"],
      [{ items: [{ id: d.id, version: 0 }], assigneeId: null }, "items.0.version"],
      [{ items: [{ id: d.id }] }, "assigneeId"],
      [{ items: [{ id: d.id }], assigneeId: world.partnerA.userId }, "assigneeId"],
      [{ items: [{ id: d.id, extra: 1 }], assigneeId: null }, "items.0"],
    ];
    for (const [json, path] of cases) {
      const res = await api("POST", "/api/v1/deliveries/bulk-assignments", { as: admin, json });
      const body = expectProblem(res, 400);
      expect(errorPaths(res), JSON.stringify(body)).toContain(path);
    }
    expect((await sideEffects(d.id)).events).toHaveLength(1);
  });

  it("is not there for partners, their keys or couriers (404), and needs a caller (401)", async () => {
    const [d] = await created(1);
    const body = { items: [{ id: d.id }], assigneeId: world.courier.id };
    for (const as of [{ cookie: world.partnerA.cookie }, keyA, { cookie: world.courier.cookie }]) {
      expectProblem(await api("POST", "/api/v1/deliveries/bulk-assignments", { as, json: body }), 404);
      expectProblem(await bulkCancel(as, [{ id: d.id }], "No"), 404);
    }
    expectProblem(await api("POST", "/api/v1/deliveries/bulk-assignments", { json: body }), 401);
    expect(await statusOf(d.id)).toBe("CREATED");
  });
});
