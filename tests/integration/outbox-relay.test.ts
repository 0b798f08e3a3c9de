// The outbox relay (DESIGN §7) against the real database, with loopback receivers standing in for
// Inngest's event API, or nothing listening at all (Inngest down).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDelivery } from "@/lib/deliveries/create-delivery";
import { createDeliverySchema } from "@/lib/deliveries/schemas";
import { relayOutbox } from "@/lib/background/relay";
import { kickOutbox, startOutboxRelay, stopOutboxRelay } from "@/lib/background/scheduler";
import { writeOutboxEvent } from "@/lib/outbox/events";
import { getOutboxStats } from "@/lib/outbox/get-outbox-stats";
import { retryOutbox } from "@/lib/outbox/retry-outbox";
import { OPERATOR_ACTOR as operator } from "@/lib/auth/actor";
import { api, createWorld, deliveryPayload, type World } from "./support";
import {
  closedPortUrl,
  inngestAt,
  outboxRowsFor,
  receivedEvents,
  startInngestEventApi,
  startReceiver,
  type Receiver,
} from "./background-support";

let world: World;
const receivers: Receiver[] = [];
beforeAll(async () => {
  world = await createWorld();
  // Start from an empty outbox: earlier test files left their rows pending (the test server's own
  // relay is off), and the relay sends oldest first.
  const drain = await receiver(startInngestEventApi);
  await relayOutbox({ sender: inngestAt(drain.url), batchSize: 500, maxBatches: 10_000 });
  expect(await db.outboxEvent.count({ where: { sentAt: null } })).toBe(0);
});
afterAll(async () => {
  await stopOutboxRelay();
  await Promise.all(receivers.map((r) => r.close()));
});

const partnerActor = () => ({
  kind: "API_KEY" as const,
  id: world.partnerA.apiKeyId,
  role: "API_KEY" as const,
  partnerId: world.partnerA.id,
});

async function createDeliveries(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { delivery } = await createDelivery({
      actor: partnerActor(),
      input: createDeliverySchema.parse(deliveryPayload()),
    });
    ids.push(delivery.id);
  }
  return ids;
}

async function receiver(factory: () => Promise<Receiver>) {
  const r = await factory();
  receivers.push(r);
  return r;
}

describe("outbox relay", () => {
  it("keeps every row and records attempts and the error while Inngest is unreachable", async () => {
    const deliveryIds = await createDeliveries(3);
    const result = await relayOutbox({ sender: inngestAt(await closedPortUrl()) });
    expect(result.sent).toBe(0);
    expect(result.failed).toBeGreaterThanOrEqual(3);

    const rows = await outboxRowsFor(deliveryIds);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.sentAt).toBeNull();
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(/\S/);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now()); // backing off
    }

    // During the backoff a sweep leaves them alone instead of hammering the event API.
    const events = await receiver(startInngestEventApi);
    await relayOutbox({ sender: inngestAt(events.url) });
    expect(receivedEvents(events).map((e) => e.id)).not.toContain(rows[0].id);
    expect((await outboxRowsFor(deliveryIds)).map((r) => r.attempts)).toEqual([1, 1, 1]);

    const stats = await getOutboxStats({ actor: operator });
    expect(stats.pending).toBeGreaterThanOrEqual(3);
    expect(stats.failed).toBeGreaterThanOrEqual(3);
    expect(stats.health).toBe("degraded");
    expect(stats.summary).toMatch(/nothing is lost/);
    expect(stats.lastError).toMatch(/\S/);
  });

  it("after a retry sends every pending row once, in batches, with the outbox id as the event id", async () => {
    const deliveryIds = await createDeliveries(2);
    expect(await retryOutbox({ actor: operator })).toBeGreaterThanOrEqual(5); // the 3 failed rows above and the 2 new ones
    const pendingBefore = await db.outboxEvent.findMany({
      where: { sentAt: null },
      select: { id: true, name: true, payload: true },
    });

    const events = await receiver(startInngestEventApi);
    const result = await relayOutbox({ sender: inngestAt(events.url), batchSize: 2 });
    expect(result.sent).toBe(pendingBefore.length);
    expect(result.failed).toBe(0);

    const received = receivedEvents(events);
    const ids = received.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length); // each event once
    expect(new Set(ids)).toEqual(new Set(pendingBefore.map((r) => r.id)));
    expect(events.requests.every((r) => JSON.parse(r.body).length <= 2)).toBe(true);
    expect(events.requests.length).toBe(Math.ceil(pendingBefore.length / 2));
    for (const row of pendingBefore) {
      expect(received.find((e) => e.id === row.id)).toMatchObject({ name: row.name, data: row.payload });
    }

    const rows = await outboxRowsFor(deliveryIds);
    expect(rows.every((r) => r.sentAt !== null && r.lastError === null)).toBe(true);
    expect(await db.outboxEvent.count({ where: { sentAt: null } })).toBe(0);

    const again = await relayOutbox({ sender: inngestAt(events.url) });
    expect(again.sent).toBe(0);
    expect(receivedEvents(events)).toHaveLength(received.length);
    expect((await getOutboxStats({ actor: operator })).health).toBe("ok");
  });

  it("ends a run after the current batch when its server stops, leaving the rest for the next sweep", async () => {
    await createDeliveries(6);
    const events = await receiver(startInngestEventApi);
    let batches = 0;
    const result = await relayOutbox({ sender: inngestAt(events.url), batchSize: 2, proceed: () => batches++ < 1 });
    expect(result.batches).toBe(1);
    expect(result.sent).toBe(2);
    expect(await db.outboxEvent.count({ where: { sentAt: null } })).toBeGreaterThanOrEqual(4);
    await relayOutbox({ sender: inngestAt(events.url), batchSize: 500 });
  });

  it("hands on live rows before an import's older rows, oldest first within each", async () => {
    const importId = randomUUID();
    const imported = await db.$transaction(async (tx) => {
      for (let i = 0; i < 5; i++) {
        await writeOutboxEvent(tx, {
          name: "delivery/created",
          data: {
            deliveryId: randomUUID(),
            partnerId: world.partnerA.id,
            trackingCode: `DLV-IMPORT${i}`,
            status: "CREATED",
            occurredAt: new Date().toISOString(),
            importId,
          },
        });
      }
      return tx.outboxEvent.findMany({ where: { payload: { path: ["importId"], equals: importId } } });
    });
    expect(imported.every((r) => r.bulk)).toBe(true);
    const live = await outboxRowsFor(await createDeliveries(3));
    expect(live.every((r) => !r.bulk)).toBe(true);

    const events = await receiver(startInngestEventApi);
    await relayOutbox({ sender: inngestAt(events.url), batchSize: 2 });
    const batches = events.requests.map((r) => (JSON.parse(r.body) as { id: string }[]).map((e) => e.id));
    const batchOf = (id: string) => batches.findIndex((ids) => ids.includes(id));
    const lastLive = Math.max(...live.map((r) => batchOf(r.id)));
    const firstImported = Math.min(...imported.map((r) => batchOf(r.id)));
    // At most the last live batch is topped up with imported rows; no live row waits behind one.
    expect(lastLive).toBeLessThanOrEqual(firstImported);
    expect(batches.flat().filter((id) => imported.some((r) => r.id === id))).toEqual(
      [...imported].sort((a, b) => +a.createdAt - +b.createdAt || (a.id < b.id ? -1 : 1)).map((r) => r.id),
    );
  });

  it("never sends a row twice when several instances relay at once (SKIP LOCKED)", async () => {
    await createDeliveries(12);
    const events = await receiver(() =>
      startReceiver((req) => {
        const batch = JSON.parse(req.body) as { id: string }[];
        return { status: 200, body: { ids: batch.map((e) => e.id), status: 200 }, delayMs: 50 };
      }),
    );
    const results = await Promise.all(
      [1, 2, 3].map(() => relayOutbox({ sender: inngestAt(events.url), batchSize: 3 })),
    );
    const ids = receivedEvents(events).map((e) => e.id);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(12);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  it("relays right after the commit without making the caller wait", async () => {
    const events = await receiver(() =>
      startReceiver((req) => {
        const batch = JSON.parse(req.body) as { id: string }[];
        return { status: 200, body: { ids: batch.map((e) => e.id), status: 200 }, delayMs: 1_000 }; // a slow Inngest
      }),
    );
    startOutboxRelay({ sender: inngestAt(events.url), intervalMs: 60_000 }); // the sweep will not fire during the test
    await new Promise((r) => setTimeout(r, 1_200)); // let the start-up sweep finish

    const started = performance.now();
    const [deliveryId] = await createDeliveries(1);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(700); // the 1 s send happens after the caller got its delivery

    const [row] = await outboxRowsFor([deliveryId]);
    await expect.poll(() => receivedEvents(events).map((e) => e.id), { timeout: 5_000 }).toContain(row.id);
    await expect.poll(async () => (await outboxRowsFor([deliveryId]))[0].sentAt, { timeout: 5_000 }).not.toBeNull();
    kickOutbox(); // nothing left: a kick is harmless
    await stopOutboxRelay();
    expect(receivedEvents(events).filter((e) => e.id === row.id)).toHaveLength(1);
  });
});

describe("admin outbox API", () => {
  it("shows admins the counts and lets them retry; others are refused", async () => {
    const admin = { cookie: world.admin.cookie };
    const stats = await api("GET", "/api/v1/admin/outbox", { as: admin });
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      pending: expect.any(Number),
      failed: expect.any(Number),
      health: expect.stringMatching(/ok|degraded/),
    });
    expect(stats.body).toHaveProperty("oldestPendingAgeSeconds");

    const retry = await api("POST", "/api/v1/admin/outbox/retry", { as: admin, json: {} });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ retried: expect.any(Number) });

    expect((await api("GET", "/api/v1/admin/outbox", { as: { cookie: world.partnerA.cookie } })).status).toBe(404);
    expect(
      (await api("POST", "/api/v1/admin/outbox/retry", { as: { apiKey: world.partnerA.apiKey }, json: {} })).status,
    ).toBe(404);
    expect((await api("GET", "/api/v1/admin/outbox")).status).toBe(401);
  });
});
