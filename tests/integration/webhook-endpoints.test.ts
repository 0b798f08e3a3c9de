// Webhook endpoints over HTTP on the real server: create (secret once), list, read, change,
// delete, rotate; the 10-endpoint cap; SSRF-refused URLs and unknown event types as 400s naming
// the field; partner isolation; the message log with its attempts; resend under the same
// webhook-id, verified by a loopback receiver with the `standardwebhooks` library.
import { randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveryWebhooks } from "@/inngest/functions/delivery-webhooks";
import { webhookResend } from "@/inngest/functions/webhook-resend";
import { db } from "@/lib/db";
import { RESPONSE_BODY_BYTES } from "@/lib/webhooks/post";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/schemas";
import { eventOf, outboxRowsFor, startReceiver, type ReceivedRequest, type Receiver } from "./background-support";
import { api, callers, createDeliveryAs, createWorld, errorPaths, expectProblem, type World } from "./support";

let world: World;
let who: ReturnType<typeof callers>;
let receiver: Receiver;

/** A public address literal: passes the server's SSRF rules without a DNS lookup. */
const PUBLIC_URL = "https://93.184.215.14/hooks";
const BASE = "/api/v1/webhook-endpoints";

beforeAll(async () => {
  world = await createWorld();
  who = callers(world);
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

const endpointsOf = (partnerId: string) => db.webhookEndpoint.count({ where: { partnerId } });

async function create(json: unknown, as = who.partnerAKey) {
  const res = await api("POST", BASE, { as, json });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; secret: string; events: string[] } & Record<string, unknown>;
}

describe("webhook endpoints", () => {
  it("creates one with every event type by default, shows the secret once, and manages it", async () => {
    const created = await create({ url: PUBLIC_URL, description: "shop backend" });
    expect(created).toMatchObject({
      url: PUBLIC_URL,
      description: "shop backend",
      events: [...WEBHOOK_EVENT_TYPES],
      enabled: true,
      failureCount: 0,
      secretRotatedAt: null,
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const one = await api("GET", `${BASE}/${created.id}`, { as: who.partnerAUser });
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ ...created, secret: undefined });
    expect(JSON.stringify(one.body)).not.toContain(created.secret);
    const list = await api("GET", BASE, { as: who.partnerAKey });
    expect(list.body.data.map((e: { id: string }) => e.id)).toContain(created.id);
    expect(JSON.stringify(list.body)).not.toContain(created.secret);

    const patched = await api("PATCH", `${BASE}/${created.id}`, {
      as: who.partnerAKey,
      json: { events: ["delivery.assigned"], description: null },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ events: ["delivery.assigned"], description: null, url: PUBLIC_URL });

    const rotated = await api("POST", `${BASE}/${created.id}/rotate-secret`, { as: who.partnerAKey });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    expect(Date.parse(rotated.body.secretRotatedAt)).toBeGreaterThan(Date.now() - 60_000);
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({ secret: rotated.body.secret, previousSecret: created.secret });

    expect((await api("DELETE", `${BASE}/${created.id}`, { as: who.partnerAKey })).status).toBe(204);
    expectProblem(await api("GET", `${BASE}/${created.id}`, { as: who.partnerAKey }), 404);
  });

  it("refuses the 11th endpoint of a partner with a problem, and writes nothing", async () => {
    await db.webhookEndpoint.deleteMany({ where: { partnerId: world.partnerB.id } });
    // Concurrent creates cannot slip past the cap either.
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => api("POST", BASE, { as: who.partnerBKey, json: { url: PUBLIC_URL } })),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(10);
    for (const refused of answers.filter((r) => r.status !== 201)) {
      expect(expectProblem(refused, 409).detail).toMatch(/at most 10 webhook endpoints/);
    }
    expect(await endpointsOf(world.partnerB.id)).toBe(10);
    await db.webhookEndpoint.deleteMany({ where: { partnerId: world.partnerB.id } });
  });

  it.each([
    ["a loopback URL (SSRF)", { url: "http://127.0.0.1:8080/hook" }, "url"],
    ["the metadata service", { url: "http://169.254.169.254/latest/meta-data" }, "url"],
    ["a host that resolves nowhere", { url: "https://no-such-host.invalid/hook" }, "url"],
    ["credentials in the URL", { url: "https://user:pw@93.184.215.14/hook" }, "url"],
    ["an ftp URL", { url: "ftp://93.184.215.14/hook" }, "url"],
    ["an unknown event type", { url: PUBLIC_URL, events: ["delivery.exploded"] }, "events.0"],
    ["no event type", { url: PUBLIC_URL, events: [] }, "events"],
    ["an event type twice", { url: PUBLIC_URL, events: ["delivery.created", "delivery.created"] }, "events"],
    ["events that are not a list", { url: PUBLIC_URL, events: "delivery.created" }, "events"],
    ["an over-long description", { url: PUBLIC_URL, description: "x".repeat(201) }, "description"],
    ["an unknown field", { url: PUBLIC_URL, secret: "whsec_mine" }, "(body)"],
    ["no URL", { events: ["delivery.created"] }, "url"],
  ])("refuses %s with a 400 naming the field, and writes nothing", async (_what, json, field) => {
    const before = await endpointsOf(world.partnerA.id);
    const res = await api("POST", BASE, { as: who.partnerAKey, json });
    expectProblem(res, 400);
    expect(errorPaths(res)).toContain(field);
    expect(await endpointsOf(world.partnerA.id)).toBe(before);
  });

  it("refuses a PATCH to an SSRF-refused URL or an unknown type, and changes nothing", async () => {
    const { id } = await create({ url: PUBLIC_URL, events: ["delivery.created"] });
    for (const [json, field] of [
      [{ url: "http://[::1]/hook" }, "url"],
      [{ events: ["nope"] }, "events.0"],
      [{}, "(body)"],
      [{ enabled: "yes" }, "enabled"],
    ] as const) {
      const res = await api("PATCH", `${BASE}/${id}`, { as: who.partnerAKey, json });
      expectProblem(res, 400);
      expect(errorPaths(res)).toContain(field);
    }
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).toMatchObject({
      url: PUBLIC_URL,
      events: ["delivery.created"],
    });
    const notJson = await api("POST", BASE, {
      as: who.partnerAKey,
      body: "url=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expectProblem(notJson, 415);
    const broken = await api("POST", BASE, {
      as: who.partnerAKey,
      body: "{",
      headers: { "content-type": "application/json" },
    });
    expectProblem(broken, 400);
  });

  it("keeps partners apart: another partner's endpoint, log and messages are 404", async () => {
    const { id } = await create({ url: PUBLIC_URL });
    const message = await db.webhookMessage.create({
      data: { endpointId: id, eventId: randomUUID(), eventType: "delivery.created", body: "{}" },
    });
    const asB = who.partnerBKey;
    for (const [method, path, json] of [
      ["GET", `${BASE}/${id}`, undefined],
      ["PATCH", `${BASE}/${id}`, { description: "B was here" }],
      ["DELETE", `${BASE}/${id}`, undefined],
      ["POST", `${BASE}/${id}/rotate-secret`, undefined],
      ["GET", `${BASE}/${id}/messages`, undefined],
      ["POST", `${BASE}/${id}/messages/${message.id}/resend`, undefined],
    ] as const) {
      expectProblem(await api(method, path, { as: asB, json }), 404);
    }
    // B's own endpoint does not open A's message either.
    const own = await create({ url: PUBLIC_URL }, asB);
    expectProblem(await api("POST", `${BASE}/${own.id}/messages/${message.id}/resend`, { as: asB }), 404);
    expect((await api("GET", BASE, { as: asB })).body.data.map((e: { id: string }) => e.id)).not.toContain(id);
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).toMatchObject({ description: null });
    expect(
      await db.outboxEvent.count({
        where: { name: "webhook/resend.requested", payload: { path: ["messageId"], equals: message.id } },
      }),
    ).toBe(0);
    for (const bad of ["not-a-uuid", "%00", "1 OR 1=1"]) {
      expectProblem(await api("GET", `${BASE}/${encodeURIComponent(bad)}`, { as: who.partnerAKey }), 404);
    }
  });
});

describe("the message log and resend", () => {
  const verify = (secret: string, r: ReceivedRequest) =>
    new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as { id: string; type: string };

  it("lists each event sent with its attempts, pages through them, and resends under the same webhook-id", async () => {
    await db.webhookEndpoint.deleteMany({ where: { partnerId: world.partnerA.id } });
    const { id, secret } = await create({ url: PUBLIC_URL, events: ["delivery.created"] });
    // The server refuses loopback URLs; the receiver on this machine stands in for the partner's.
    await db.webhookEndpoint.update({ where: { id }, data: { url: `${receiver.url}/log` } });
    const longAnswer = "é".repeat(RESPONSE_BODY_BYTES); // 2 KiB of two-byte characters
    let status = 500;
    receiver.respond = () => ({ status, body: { detail: longAnswer } });

    const deliveries = [await createDeliveryAs(who.partnerAKey), await createDeliveryAs(who.partnerAKey)];
    const events = (await outboxRowsFor(deliveries.map((d) => d.id))).map(eventOf);
    const run = (event: (typeof events)[number]) =>
      new InngestTestEngine({ function: deliveryWebhooks }).execute({ events: [event] as [typeof event] });
    expect((await run(events[0])).error).toBeDefined(); // 500: retried
    status = 200;
    expect((await run(events[0])).error).toBeUndefined();
    expect((await run(events[1])).error).toBeUndefined();

    const page1 = await api("GET", `${BASE}/${id}/messages?limit=1`, { as: who.partnerAKey });
    expect(page1.status).toBe(200);
    expect(page1.body.data).toHaveLength(1);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await api("GET", `${BASE}/${id}/messages?limit=1&cursor=${page1.body.nextCursor}`, {
      as: who.partnerAKey,
    });
    expect(page2.body.data).toHaveLength(1);
    expect(page2.body.nextCursor).toBeNull();
    const [newest, oldest] = [page1.body.data[0], page2.body.data[0]];
    expect(newest).toMatchObject({ eventId: events[1].id, deliveryId: deliveries[1].id });
    expect(oldest).toMatchObject({
      eventId: events[0].id,
      eventType: "delivery.created",
      deliveryId: deliveries[0].id,
      trackingCode: deliveries[0].trackingCode,
      payload: { id: events[0].id, type: "delivery.created", data: { delivery: { id: deliveries[0].id } } },
    });
    expect(
      oldest.attempts.map((a: { attempt: number; responseStatus: number }) => [a.attempt, a.responseStatus]),
    ).toEqual([
      [1, 500],
      [2, 200],
    ]);
    for (const attempt of oldest.attempts) {
      expect(attempt.durationMs).toEqual(expect.any(Number));
      expect(Buffer.byteLength(attempt.responseBody)).toBeLessThanOrEqual(RESPONSE_BODY_BYTES);
      expect(attempt.responseBody.length).toBeGreaterThan(400);
      expect(JSON.stringify({ detail: longAnswer }).startsWith(attempt.responseBody)).toBe(true);
    }

    for (const bad of ["cursor=nonsense", "limit=0", "limit=101", "limit=x", "extra=1"]) {
      const res = await api("GET", `${BASE}/${id}/messages?${bad}`, { as: who.partnerAKey });
      expectProblem(res, 400);
      const [name] = bad.split("=");
      // An unknown parameter is named in the message (the path of a whole-input error is "(body)").
      if (name === "extra") expect(JSON.stringify(res.body.errors)).toContain("Unknown field(s): extra");
      else expect(errorPaths(res)).toContain(name);
    }

    // Resend: 202 now, sent by the background work with the same id and body, freshly signed.
    const resent = await api("POST", `${BASE}/${id}/messages/${oldest.id}/resend`, { as: who.partnerAUser });
    expect(resent.status).toBe(202);
    expect(resent.body).toMatchObject({ messageId: oldest.id });
    const [row] = await db.outboxEvent.findMany({
      where: { name: "webhook/resend.requested", payload: { path: ["messageId"], equals: oldest.id } },
    });
    const resend = await new InngestTestEngine({ function: webhookResend }).execute({
      events: [eventOf(row)] as [ReturnType<typeof eventOf>],
    });
    expect(resend.result).toMatchObject({ outcome: "delivered", attempt: 3 });
    const posts = receiver.requests.filter((r) => r.headers["webhook-id"] === events[0].id);
    expect(posts).toHaveLength(3);
    expect(posts[2].body).toBe(posts[0].body);
    expect(verify(secret, posts[2])).toMatchObject({ id: events[0].id, type: "delivery.created" });
    const after = await api("GET", `${BASE}/${id}/messages?limit=5`, { as: who.partnerAKey });
    expect(after.body.data.find((m: { id: string }) => m.id === oldest.id).attempts).toHaveLength(3);

    // A disabled endpoint resends nothing until it is enabled again; an unknown message is 404.
    await api("PATCH", `${BASE}/${id}`, { as: who.partnerAKey, json: { enabled: false } });
    expectProblem(await api("POST", `${BASE}/${id}/messages/${oldest.id}/resend`, { as: who.partnerAKey }), 409);
    expectProblem(await api("POST", `${BASE}/${id}/messages/${randomUUID()}/resend`, { as: who.partnerAKey }), 404);
  });
});
