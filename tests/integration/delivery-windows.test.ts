// Delivery windows, dispatch by time, reschedules, re-attempts and ETAs over HTTP against the real
// server and database: the rules name their fields and change nothing, every change is locked,
// versioned, in the history and in the outbox, and the recipient's emails are decided as promised.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { emailForEvents } from "@/lib/notifications/delivery-events";
import { loadDeliveryEvents } from "@/lib/outbox/load-event";
import { webhookEventFor } from "@/lib/webhooks/event-payload";
import { WEBHOOK_PAYLOAD_SCHEMAS } from "@/lib/webhooks/schemas";
import { getOnTimeRates } from "@/lib/deliveries/get-on-time-rates";
import { listStuckDeliveries } from "@/lib/deliveries/list-stuck-deliveries";
import { flagStuckDeliveries } from "@/lib/deliveries/stuck-deliveries";
import {
  actorsOf,
  api,
  createWorld,
  deliveryPayload,
  errorPaths,
  expectProblem,
  sideEffects,
  type World,
} from "./support";

let world: World;
let asKey: { apiKey: string };
let asAdmin: { cookie: string };
let asCourier: { cookie: string };
const HOUR = 3_600_000;

beforeAll(async () => {
  world = await createWorld();
  asKey = { apiKey: world.partnerA.apiKey };
  asAdmin = { cookie: world.admin.cookie };
  asCourier = { cookie: world.courier.cookie };
  await db.partner.update({ where: { id: world.partnerA.id }, data: { timeZone: "Europe/Berlin" } });
});

/** A window `hours` long starting `startsIn` hours from now, in UTC with milliseconds (as answered). */
function windowIn(startsIn: number, hours = 2) {
  const from = new Date(Math.ceil((Date.now() + startsIn * HOUR) / 60_000) * 60_000);
  return { from: from.toISOString(), to: new Date(from.getTime() + hours * HOUR).toISOString() };
}

/** The Berlin calendar day of an instant. */
const berlinDay = (iso: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date(iso));

async function create(overrides: Record<string, unknown>, headers: Record<string, string> = {}) {
  const { deliveryDate: _omit, ...payload } = deliveryPayload();
  return api("POST", "/api/v1/deliveries", { as: asKey, json: { ...payload, ...overrides }, headers });
}

async function createWithWindow(overrides: Record<string, unknown> = {}) {
  const res = await create({ dropoffWindow: windowIn(30), ...overrides });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Record<string, any>;
}

async function toInTransit(id: string) {
  expect(
    (await api("PUT", `/api/v1/deliveries/${id}/assignment`, { as: asAdmin, json: { assigneeId: world.courier.id } }))
      .status,
  ).toBe(200);
  const res = await api("POST", `/api/v1/deliveries/${id}/status`, { as: asCourier, json: { status: "IN_TRANSIT" } });
  expect(res.status).toBe(200);
  return res.body as Record<string, any>;
}

async function toFailed(id: string) {
  await toInTransit(id);
  const res = await api("POST", `/api/v1/deliveries/${id}/status`, {
    as: asCourier,
    json: { status: "FAILED", reason: "Nobody home" },
  });
  expect(res.status).toBe(200);
}

const countByReference = (externalReference: string) => db.delivery.count({ where: { externalReference } });

describe("windows on create", () => {
  it("stores the windows, answers them in UTC and derives the date in the partner's time zone", async () => {
    // 23:30 Berlin is 22:30 UTC: the day is Berlin's, whatever UTC says.
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const dropoffWindow = { from: `${day}T23:30:00+01:00`, to: `${day}T23:59:00+01:00` };
    const pickupWindow = { from: `${day}T09:00:00Z`, to: `${day}T12:00:00Z` };
    const res = await create({ dropoffWindow, pickupWindow });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      dropoffWindow: { from: new Date(dropoffWindow.from).toISOString(), to: new Date(dropoffWindow.to).toISOString() },
      pickupWindow: { from: `${day}T09:00:00.000Z`, to: `${day}T12:00:00.000Z` },
      deliveryDate: berlinDay(dropoffWindow.from),
      late: false,
      eta: null,
      attempt: 1,
    });
    const read = await api("GET", `/api/v1/deliveries/${res.body.id}`, { as: asKey });
    expect(read.body).toMatchObject({ dropoffWindow: res.body.dropoffWindow, pickupWindow: res.body.pickupWindow });
  });

  it("refuses a delivery date that contradicts the window, naming both", async () => {
    const dropoffWindow = windowIn(30);
    const wrongDay = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const ref = `WIN-${randomUUID().slice(0, 8)}`;
    const res = await create({ dropoffWindow, deliveryDate: wrongDay, externalReference: ref });
    expect(
      expectProblem(res, 400)
        .errors!.map((e) => e.path)
        .sort(),
    ).toEqual(["deliveryDate", "dropoffWindow"]);
    expect(await countByReference(ref)).toBe(0);
    // The same day is no contradiction.
    const same = await create({ dropoffWindow, deliveryDate: berlinDay(dropoffWindow.from) });
    expect(same.status).toBe(201);
  });

  it.each([
    ["to before from", { dropoffWindow: { from: windowIn(30).to, to: windowIn(30).from } }, "dropoffWindow.to"],
    ["wider than 12 hours", { dropoffWindow: windowIn(30, 13) }, "dropoffWindow.to"],
    ["ended", { dropoffWindow: windowIn(-5) }, "dropoffWindow.to"],
    [
      "drop-off ending before pickup starts",
      { pickupWindow: windowIn(40), dropoffWindow: windowIn(30) },
      "dropoffWindow.to",
    ],
    ["no offset", { dropoffWindow: { from: "2030-01-15T14:00:00", to: "2030-01-15T16:00:00" } }, "dropoffWindow.from"],
    ["neither date nor window", {}, "deliveryDate"],
  ])("refuses a window %s with a 400 naming the field, and creates nothing", async (_name, overrides, path) => {
    const ref = `WIN-${randomUUID().slice(0, 8)}`;
    const res = await create({ ...overrides, externalReference: ref });
    expectProblem(res, 400);
    expect(errorPaths(res)).toContain(path);
    expect(await countByReference(ref)).toBe(0);
  });

  it("treats the windows as part of the idempotent payload", async () => {
    const key = randomUUID();
    const body = { dropoffWindow: windowIn(30), externalReference: `WIN-${randomUUID().slice(0, 8)}` };
    const first = await create(body, { "idempotency-key": key });
    expect(first.status).toBe(201);
    // The same instants written with another offset are the same request.
    const sameInstants = {
      from: new Date(body.dropoffWindow.from).toISOString().replace(".000Z", "+00:00"),
      to: body.dropoffWindow.to,
    };
    const replay = await create({ ...body, dropoffWindow: sameInstants }, { "idempotency-key": key });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(first.body.id);
    const other = await create({ ...body, dropoffWindow: windowIn(31) }, { "idempotency-key": key });
    expectProblem(other, 422);
  });
});

describe("dispatch by time", () => {
  it("reads a delivery past its window as late, filters by it and sorts by due time", async () => {
    const late = await createWithWindow();
    const onTime = await createWithWindow({ dropoffWindow: windowIn(20) });
    await db.delivery.update({
      where: { id: late.id },
      data: { dropoffWindowStart: new Date(Date.now() - 3 * HOUR), dropoffWindowEnd: new Date(Date.now() - HOUR) },
    });
    expect((await api("GET", `/api/v1/deliveries/${late.id}`, { as: asKey })).body.late).toBe(true);

    const lateIds = (await api("GET", "/api/v1/deliveries?late=true&limit=100", { as: asKey })).body.data.map(
      (d: { id: string }) => d.id,
    );
    expect(lateIds).toContain(late.id);
    expect(lateIds).not.toContain(onTime.id);
    const notLate = (await api("GET", "/api/v1/deliveries?late=false&limit=100", { as: asKey })).body.data.map(
      (d: { id: string }) => d.id,
    );
    expect(notLate).toContain(onTime.id);
    expect(notLate).not.toContain(late.id);
    expectProblem(await api("GET", "/api/v1/deliveries?late=maybe", { as: asKey }), 400);

    // Late is alerted like stuck, once, and listed on the overview.
    await flagStuckDeliveries();
    await flagStuckDeliveries();
    expect(
      await db.stuckAlert.findMany({ where: { deliveryId: late.id }, select: { kind: true, status: true } }),
    ).toEqual([{ kind: "LATE", status: "CREATED" }]);
    expect(await db.stuckAlert.count({ where: { deliveryId: onTime.id } })).toBe(0);
    const overview = await listStuckDeliveries({ actor: actorsOf(world).admin, limit: 500 });
    expect(overview.rows.find((r) => r.id === late.id)).toMatchObject({ late: true });
    // The alert is this test's: the scheduled check's own test expects no one else's pending.
    await db.stuckAlert.deleteMany({ where: { deliveryId: late.id } });

    // A finished delivery is never late.
    await api("POST", `/api/v1/deliveries/${late.id}/status`, { as: asKey, json: { status: "CANCELLED" } });
    expect((await api("GET", `/api/v1/deliveries/${late.id}`, { as: asKey })).body.late).toBe(false);
  });
});

describe("on-time rates", () => {
  it("counts deliveries completed inside their drop-off window per partner and per courier", async () => {
    const inside = await createWithWindow();
    const after = await createWithWindow();
    const old = await createWithWindow();
    for (const d of [inside, after, old]) {
      await toInTransit(d.id);
      const done = await api("POST", `/api/v1/deliveries/${d.id}/status`, {
        as: asCourier,
        json: { status: "COMPLETED" },
      });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      const row = await db.delivery.findUniqueOrThrow({ where: { id: d.id }, select: { completedAt: true } });
      expect(row.completedAt).not.toBeNull();
    }
    // Completed inside its window; an hour after its window; inside, but 10 days ago (30-day rate only).
    const windowOf = (start: number) => ({
      dropoffWindowStart: new Date(start),
      dropoffWindowEnd: new Date(start + 2 * HOUR),
    });
    const now = Date.now();
    await db.delivery.update({
      where: { id: inside.id },
      data: { ...windowOf(now - 3 * HOUR), completedAt: new Date(now - 2 * HOUR) },
    });
    await db.delivery.update({
      where: { id: after.id },
      data: { ...windowOf(now - 5 * HOUR), completedAt: new Date(now - 2 * HOUR) },
    });
    const tenDaysAgo = now - 10 * 86_400_000;
    await db.delivery.update({
      where: { id: old.id },
      data: { ...windowOf(tenDaysAgo), completedAt: new Date(tenDaysAgo + HOUR) },
    });

    const rates = await getOnTimeRates({ actor: actorsOf(world).admin });
    const expected = {
      7: { delivered: 2, onTime: 1, rate: 0.5 },
      30: { delivered: 3, onTime: 2, rate: 2 / 3 },
    };
    expect(rates.partners.find((r) => r.id === world.partnerA.id)).toMatchObject({ periods: expected });
    expect(rates.couriers.find((r) => r.id === world.courier.id)).toMatchObject({ periods: expected });
    await expect(getOnTimeRates({ actor: actorsOf(world).partnerA })).rejects.toThrow();
  });
});

describe("reschedule", () => {
  it("moves the drop-off window with a reason: history, outbox, webhook payload and the recipient's email", async () => {
    const d = await createWithWindow();
    const dropoffWindow = windowIn(50);
    const res = await api("POST", `/api/v1/deliveries/${d.id}/reschedule`, {
      as: asKey,
      json: { dropoffWindow, reason: "Recipient asked for Friday" },
      headers: { "if-match": `"${d.version}"` },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      dropoffWindow,
      version: d.version + 1,
      deliveryDate: berlinDay(dropoffWindow.from),
    });
    expect(res.headers.get("etag")).toBe(`"${d.version + 1}"`);

    const { events, outbox } = await sideEffects(d.id);
    expect(events.at(-1)).toMatchObject({
      kind: "RESCHEDULE",
      fromStatus: "CREATED",
      toStatus: "CREATED",
      reason: "Recipient asked for Friday",
      details: { previous: { dropoffWindow: d.dropoffWindow, pickupWindow: null }, dropoffWindow, pickupWindow: null },
    });
    const row = outbox.find((o) => o.name === "delivery/rescheduled")!;
    expect(row.payload).toMatchObject({ previous: { dropoffWindow: d.dropoffWindow }, dropoffWindow });

    const history = await api("GET", `/api/v1/deliveries/${d.id}/events`, { as: asKey });
    expect(history.body.data.at(-1)).toMatchObject({ kind: "RESCHEDULE", reason: "Recipient asked for Friday" });

    const rowId = (
      await db.outboxEvent.findFirstOrThrow({
        where: { name: "delivery/rescheduled", payload: { path: ["deliveryId"], equals: d.id } },
      })
    ).id;
    const { events: loaded } = await loadDeliveryEvents([{ id: rowId, name: "delivery/rescheduled" }]);
    const webhook = await webhookEventFor(loaded[0]);
    expect(
      WEBHOOK_PAYLOAD_SCHEMAS["delivery.rescheduled"].safeParse(webhook && { ...webhook, partnerId: undefined })
        .success,
    ).toBe(true);
    expect(webhook).toMatchObject({
      type: "delivery.rescheduled",
      data: { reason: "Recipient asked for Friday", dropoffWindow },
    });
    await emailForEvents(loaded);
    const email = await db.emailMessage.findUniqueOrThrow({ where: { idempotencyKey: `${rowId}:recipient` } });
    expect(email.template).toBe("recipient-schedule");
    expect(email.subject).toBe(`Your delivery ${d.trackingCode} has a new time`);
    expect(email.text).toContain("(Europe/Berlin)");
    expect(email.text).not.toContain("Recipient asked for Friday"); // a partner's words are not mailed
  });

  it("refuses bad input and stale versions, and changes nothing", async () => {
    const d = await createWithWindow();
    const path = `/api/v1/deliveries/${d.id}/reschedule`;
    expect(errorPaths(await api("POST", path, { as: asKey, json: { dropoffWindow: windowIn(50) } }))).toContain(
      "reason",
    );
    expect(errorPaths(await api("POST", path, { as: asKey, json: { reason: "x" } }))).toContain("dropoffWindow");
    expect(
      errorPaths(await api("POST", path, { as: asKey, json: { reason: "x", dropoffWindow: windowIn(-3) } })),
    ).toContain("dropoffWindow.to");
    // A new pickup window after the kept drop-off window.
    expect(
      errorPaths(await api("POST", path, { as: asKey, json: { reason: "x", pickupWindow: windowIn(40) } })),
    ).toContain("dropoffWindow.to");
    expectProblem(
      await api("POST", path, {
        as: asKey,
        json: { reason: "x", dropoffWindow: windowIn(50) },
        headers: { "if-match": '"99"' },
      }),
      412,
    );
    expectProblem(
      await api("POST", path, {
        as: { apiKey: world.partnerB.apiKey },
        json: { reason: "x", dropoffWindow: windowIn(50) },
      }),
      404,
    );
    // A role without the permission does not see the endpoint at all (the house's 404 for those).
    expectProblem(await api("POST", path, { as: asCourier, json: { reason: "x", dropoffWindow: windowIn(50) } }), 404);
    const after = await api("GET", `/api/v1/deliveries/${d.id}`, { as: asKey });
    expect(after.body).toMatchObject({ version: d.version, dropoffWindow: d.dropoffWindow });
  });

  it("lets partners reschedule only before pickup, and admins until delivered", async () => {
    const d = await createWithWindow();
    await toInTransit(d.id);
    const json = { reason: "Traffic", dropoffWindow: windowIn(35) };
    const refused = expectProblem(await api("POST", `/api/v1/deliveries/${d.id}/reschedule`, { as: asKey, json }), 409);
    expect(refused.allowedStatuses).toEqual(["CREATED", "ASSIGNED"]);
    expect((await api("POST", `/api/v1/deliveries/${d.id}/reschedule`, { as: asAdmin, json })).status).toBe(200);
  });
});

describe("re-attempt", () => {
  it("returns a FAILED delivery as attempt 2 with a new window, one code and one history", async () => {
    const d = await createWithWindow();
    await toFailed(d.id);
    const dropoffWindow = windowIn(26);
    const res = await api("POST", `/api/v1/deliveries/${d.id}/reattempt`, { as: asKey, json: { dropoffWindow } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: "CREATED",
      attempt: 2,
      assignee: null,
      dropoffWindow,
      trackingCode: d.trackingCode,
      eta: null,
    });
    const { events, outbox } = await sideEffects(d.id);
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.kind])).toEqual([
      [null, "CREATED", "STATUS"],
      ["CREATED", "ASSIGNED", "STATUS"],
      ["ASSIGNED", "IN_TRANSIT", "STATUS"],
      ["IN_TRANSIT", "FAILED", "STATUS"],
      ["FAILED", "CREATED", "REATTEMPT"],
    ]);
    expect(events.at(-1)!.details).toMatchObject({ attempt: 2 });
    expect(outbox.at(-1)).toMatchObject({
      name: "delivery/status.changed",
      payload: { from: "FAILED", to: "CREATED" },
    });
  });

  it("keeps the courier when asked, and stops at the attempt limit with a 409", async () => {
    const d = await createWithWindow();
    await toFailed(d.id);
    const kept = await api("POST", `/api/v1/deliveries/${d.id}/reattempt`, {
      as: asAdmin,
      json: { dropoffWindow: windowIn(26), keepCourier: true },
    });
    expect(kept.body).toMatchObject({ status: "ASSIGNED", attempt: 2, assignee: { id: world.courier.id } });
    const started = await api("POST", `/api/v1/deliveries/${d.id}/status`, {
      as: asCourier,
      json: { status: "IN_TRANSIT" },
    });
    expect(started.status).toBe(200);
    await api("POST", `/api/v1/deliveries/${d.id}/status`, {
      as: asCourier,
      json: { status: "FAILED", reason: "Closed" },
    });
    expect(
      (await api("POST", `/api/v1/deliveries/${d.id}/reattempt`, { as: asKey, json: { dropoffWindow: windowIn(27) } }))
        .body.attempt,
    ).toBe(3);
    await toFailed(d.id);
    const limit = expectProblem(
      await api("POST", `/api/v1/deliveries/${d.id}/reattempt`, { as: asKey, json: { dropoffWindow: windowIn(28) } }),
      409,
    );
    expect(limit).toMatchObject({ attempt: 3, maxAttempts: 3 });
    expect((await api("GET", `/api/v1/deliveries/${d.id}`, { as: asKey })).body).toMatchObject({
      status: "FAILED",
      attempt: 3,
    });
  });

  it("refuses what is not FAILED, a missing window and callers who may not", async () => {
    const d = await createWithWindow();
    const path = `/api/v1/deliveries/${d.id}/reattempt`;
    expectProblem(await api("POST", path, { as: asKey, json: { dropoffWindow: windowIn(26) } }), 409);
    expect(errorPaths(await api("POST", path, { as: asKey, json: {} }))).toContain("dropoffWindow");
    expectProblem(await api("POST", path, { as: asCourier, json: { dropoffWindow: windowIn(26) } }), 404);
  });
});

describe("ETA", () => {
  it("is set by the courier on the way; the recipient hears the first and moves of more than 15 minutes", async () => {
    const d = await createWithWindow();
    expectProblem(await api("PUT", `/api/v1/deliveries/${d.id}/eta`, { as: asAdmin, json: { inMinutes: 30 } }), 409);
    await toInTransit(d.id);
    const path = `/api/v1/deliveries/${d.id}/eta`;
    const first = await api("PUT", path, { as: asCourier, json: { inMinutes: 30 } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const eta = Date.parse(first.body.eta);
    expect(Math.abs(eta - (Date.now() + 30 * 60_000))).toBeLessThan(60_000);
    const nudge = await api("PUT", path, { as: asCourier, json: { eta: new Date(eta + 10 * 60_000).toISOString() } });
    expect(nudge.status).toBe(200);
    const moved = await api("PUT", path, { as: asCourier, json: { eta: new Date(eta + 40 * 60_000).toISOString() } });
    expect(moved.status).toBe(200);
    expect((await api("GET", `/api/v1/deliveries/${d.id}`, { as: asKey })).body.eta).toBe(
      new Date(eta + 40 * 60_000).toISOString(),
    );

    const rows = await db.outboxEvent.findMany({
      where: { name: "delivery/eta.updated", payload: { path: ["deliveryId"], equals: d.id } },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => (r.payload as { announce: boolean }).announce)).toEqual([true, false, true]);
    const { events } = await loadDeliveryEvents(rows.map((r) => ({ id: r.id, name: r.name })));
    await emailForEvents(events);
    const emails = await db.emailMessage.findMany({
      where: { idempotencyKey: { in: rows.map((r) => `${r.id}:recipient`) } },
    });
    expect(emails).toHaveLength(2);
    expect(emails.every((e) => e.template === "recipient-schedule" && e.subject.includes("arrives around"))).toBe(true);
    const webhook = await webhookEventFor(events[1]);
    expect(webhook).toMatchObject({ type: "delivery.eta_updated", data: { previousEta: first.body.eta } });
  });

  it("refuses an ETA in the past, too far ahead, both or neither, and callers who may not", async () => {
    const d = await createWithWindow();
    await toInTransit(d.id);
    const path = `/api/v1/deliveries/${d.id}/eta`;
    for (const json of [
      { eta: new Date(Date.now() - HOUR).toISOString() },
      { eta: new Date(Date.now() + 25 * HOUR).toISOString() },
      { eta: new Date(Date.now() + HOUR).toISOString(), inMinutes: 5 },
      {},
      { inMinutes: 0 },
      { eta: "soon" },
    ]) {
      const res = await api("PUT", path, { as: asCourier, json });
      expectProblem(res, 400);
      expect(
        errorPaths(res).some((p) => p === "eta" || p === "inMinutes"),
        JSON.stringify(res.body),
      ).toBe(true);
    }
    expectProblem(await api("PUT", path, { as: asKey, json: { inMinutes: 5 } }), 404);
    expect((await api("GET", `/api/v1/deliveries/${d.id}`, { as: asKey })).body.eta).toBeNull();
  });
});
