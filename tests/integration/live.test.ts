// Live event streams over HTTP against the real server and database: each viewer hears exactly the
// changes their reads would show (a partner its own, a courier theirs, the public tracking page one
// code's status and nothing else), a person their notifications; a reconnect with Last-Event-ID
// replays what it missed from the outbox (or says "reset"); a closed stream is freed.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { writeOutboxEvent } from "@/lib/outbox/events";
import { api, baseUrl, createDeliveryAs, createWorld, expectProblem, type Caller, type World } from "./support";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

interface LiveEvent {
  id?: string;
  event: string;
  data: Record<string, unknown>;
}

interface Stream {
  events: LiveEvent[];
  /** Waits until an event matches, and returns it. */
  next(match: (e: LiveEvent) => boolean, timeoutMs?: number): Promise<LiveEvent>;
  close(): void;
}

const open: Stream[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** Opens an event stream as `as` and parses what it sends, until closed. */
async function listen(path: string, as: Caller, headers: Record<string, string> = {}): Promise<Stream> {
  const h: Record<string, string> = { accept: "text/event-stream", ...headers };
  if (as && "cookie" in as) h.cookie = as.cookie;
  if (as && "apiKey" in as) h.authorization = `Bearer ${as.apiKey}`;
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}${path}`, { headers: h, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const events: LiveEvent[] = [];
  const waiters = new Set<() => void>();
  void (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split("\n")
              .filter((l) => l && !l.startsWith(":"))
              .map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trimStart()]),
          );
          if (!fields.event) continue;
          events.push({ id: fields.id, event: fields.event, data: JSON.parse(fields.data ?? "{}") });
          for (const w of waiters) w();
        }
      }
    } catch {
      // aborted
    }
  })();
  const stream: Stream = {
    events,
    next: (match, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event in ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => controller.abort(),
  };
  open.push(stream);
  await stream.next((e) => e.event === "ready");
  return stream;
}

const about = (id: string) => (e: LiveEvent) => e.event === "delivery" && e.data.deliveryId === id;
/** Gives a stream time to hear anything more (NOTIFY arrives within milliseconds on loopback). */
const settle = () => new Promise((r) => setTimeout(r, 500));

async function liveStreamsOpen(): Promise<number> {
  const text = await (await fetch(`${baseUrl}/api/metrics`)).text();
  return Number(/^live_streams_open (\d+)/m.exec(text)?.[1] ?? NaN);
}

describe("live streams", () => {
  it("tell each viewer only the changes in their scope", async () => {
    const partnerA = await listen("/api/v1/live", { apiKey: world.partnerA.apiKey });
    const partnerB = await listen("/api/v1/live", { cookie: world.partnerB.cookie });
    const admin = await listen("/api/v1/live", { cookie: world.admin.cookie });
    const courier = await listen("/api/v1/live", { cookie: world.courier.cookie });

    const ofA = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
    const ofB = await createDeliveryAs({ apiKey: world.partnerB.apiKey });
    const heard = await partnerA.next(about(ofA.id));
    expect(heard).toMatchObject({
      event: "delivery",
      data: { name: "delivery/created", deliveryId: ofA.id, trackingCode: ofA.trackingCode, status: "CREATED" },
    });
    expect(heard.id).toMatch(/^[0-9a-f-]{36}$/);
    await partnerB.next(about(ofB.id));
    await admin.next(about(ofA.id));
    await admin.next(about(ofB.id));

    // The courier hears a delivery once it is theirs, and what happens to it after.
    const assigned = await api("PUT", `/api/v1/deliveries/${ofA.id}/assignment`, {
      as: { cookie: world.admin.cookie },
      json: { assigneeId: world.courier.id },
    });
    expect(assigned.status).toBe(200);
    expect((await courier.next(about(ofA.id))).data).toMatchObject({ name: "delivery/assigned", status: "ASSIGNED" });
    await settle();
    expect(partnerA.events.some(about(ofB.id))).toBe(false);
    expect(partnerB.events.some(about(ofA.id))).toBe(false);
    expect(courier.events.some(about(ofB.id))).toBe(false);
    expect(courier.events.filter(about(ofA.id))).toHaveLength(1); // not its creation, before it was theirs
  });

  it("tell the public tracking page its code's status, and nothing else", async () => {
    const mine = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
    const other = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
    const page = await listen(`/api/v1/tracking/${mine.trackingCode.toLowerCase()}/live`, null);
    await api("POST", `/api/v1/deliveries/${other.id}/status`, {
      as: { apiKey: world.partnerA.apiKey },
      json: { status: "CANCELLED" },
    });
    await api("POST", `/api/v1/deliveries/${mine.id}/status`, {
      as: { apiKey: world.partnerA.apiKey },
      json: { status: "CANCELLED" },
    });
    const heard = await page.next((e) => e.event === "delivery");
    expect(heard.data).toEqual({ status: "CANCELLED" }); // no ids, names or addresses
    await settle();
    expect(page.events.filter((e) => e.event === "delivery")).toHaveLength(1);
    expectProblem(await api("GET", "/api/v1/tracking/DLV-NOSUCH00/live"), 404);
  });

  it("tell a person about their new notifications only", async () => {
    const a = await listen("/api/v1/live", { cookie: world.partnerA.cookie });
    const b = await listen("/api/v1/live", { cookie: world.partnerB.cookie });
    await db.notification.create({
      data: { userId: world.partnerA.userId, kind: "test", title: "Hello", body: "Live", dedupeKey: randomUUID() },
    });
    await a.next((e) => e.event === "notification");
    await settle();
    expect(b.events.some((e) => e.event === "notification")).toBe(false);
  });

  it("replay what a reconnecting viewer missed after its Last-Event-ID, or say reset when it is too much", async () => {
    const first = await listen("/api/v1/live", { apiKey: world.partnerA.apiKey });
    const seen = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
    const lastId = (await first.next(about(seen.id))).id!;
    first.close();
    const missed = [
      await createDeliveryAs({ apiKey: world.partnerA.apiKey }),
      await createDeliveryAs({ apiKey: world.partnerA.apiKey }),
    ];
    const ofB = await createDeliveryAs({ apiKey: world.partnerB.apiKey });

    const again = await listen("/api/v1/live", { apiKey: world.partnerA.apiKey }, { "last-event-id": lastId });
    const replayed = again.events.filter((e) => e.event === "delivery").map((e) => e.data.deliveryId);
    expect(replayed).toEqual(missed.map((d) => d.id));
    expect(replayed).not.toContain(ofB.id);

    // More than a stream replays: the viewer is told to refresh everything instead.
    const tag = randomUUID().slice(0, 6).toUpperCase();
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 101; i++) {
        await writeOutboxEvent(tx, {
          name: "delivery/created",
          data: {
            deliveryId: randomUUID(),
            partnerId: world.partnerA.id,
            trackingCode: `DLV-${tag}${i}`,
            status: "CREATED",
            occurredAt: new Date().toISOString(),
          },
        });
      }
    });
    await again.next((e) => e.event === "delivery" && e.data.trackingCode === `DLV-${tag}0`);
    // Resume from the row written right before the 101.
    const [previous] = await db.$queryRaw<{ id: string }[]>`
      WITH first AS (
        SELECT "createdAt", "id" FROM "OutboxEvent" WHERE "payload"->>'trackingCode' LIKE ${`DLV-${tag}%`}
        ORDER BY "createdAt", "id" LIMIT 1)
      SELECT o."id" FROM "OutboxEvent" o, first
      WHERE (o."createdAt", o."id") < (first."createdAt", first."id")
      ORDER BY o."createdAt" DESC, o."id" DESC LIMIT 1`;
    const late = await listen("/api/v1/live", { apiKey: world.partnerA.apiKey }, { "last-event-id": previous.id });
    expect(late.events.map((e) => e.event)).toEqual(["reset", "ready"]);
    // An id that is no outbox row's (or no id at all) starts afresh.
    const fresh = await listen("/api/v1/live", { apiKey: world.partnerA.apiKey }, { "last-event-id": "not-a-uuid" });
    expect(fresh.events.map((e) => e.event)).toEqual(["ready"]);
  });

  it("free a stream when its viewer leaves, and refuse strangers", async () => {
    // The earlier tests' streams were closed by their clients; the server frees them a moment later.
    await expect.poll(liveStreamsOpen, { timeout: 5_000 }).toBe(0);
    const streams = await Promise.all([1, 2, 3].map(() => listen("/api/v1/live", { cookie: world.admin.cookie })));
    await expect.poll(liveStreamsOpen, { timeout: 5_000 }).toBe(3);
    for (const s of streams) s.close();
    await expect.poll(liveStreamsOpen, { timeout: 5_000 }).toBe(0);
    expectProblem(await api("GET", "/api/v1/live"), 401);
    expectProblem(await api("GET", "/api/v1/live", { as: { apiKey: "dap_live_nope" } }), 401);
  });
});
