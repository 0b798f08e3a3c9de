// Partner webhooks: the delivery-webhook and webhook-resend functions run with @inngest/test
// against the real database and loopback receivers that verify every request with the
// `standardwebhooks` library, as an integrator would; fan-out, retries, auto-disable, rotation, SSRF.
import { InngestTestEngine } from "@inngest/test";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveryWebhooks } from "@/inngest/functions/delivery-webhooks";
import { webhookResend } from "@/inngest/functions/webhook-resend";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import {
  createWebhookEndpoint,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from "@/lib/webhooks/manage-endpoint";
import { postSignedWebhook } from "@/lib/webhooks/post";
import { resendWebhookMessage } from "@/lib/webhooks/resend-message";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/webhooks/schemas";
import { newWebhookSecret, ROTATION_OVERLAP_MS, signWebhook } from "@/lib/webhooks/signature";
import { assertSafeWebhookUrl } from "@/lib/webhooks/target";
import { createDeliveryAs, createWorld, type World } from "./support";
import { eventOf, outboxRowsFor, startReceiver, type ReceivedRequest, type Receiver } from "./background-support";

let world: World;
let receiver: Receiver;
let partnerUser: Actor;
beforeAll(async () => {
  world = await createWorld();
  await db.partner.update({
    where: { id: world.partnerA.id },
    data: { contactEmail: `hooks-${world.partnerA.slug}@test.example` },
  });
  receiver = await startReceiver();
  partnerUser = {
    kind: "USER",
    id: world.partnerA.userId,
    role: "PARTNER",
    partnerId: world.partnerA.id,
    email: "a@test.example",
  };
});
afterAll(() => receiver.close());

/** Each test gets its own endpoints: the partner's earlier ones are deleted (at most 10 exist). */
async function freshEndpoint(path: string, events: WebhookEventType[] = [...WEBHOOK_EVENT_TYPES]) {
  await db.webhookEndpoint.deleteMany({ where: { partnerId: world.partnerA.id } });
  return createWebhookEndpoint({ actor: partnerUser, input: { url: `${receiver.url}${path}`, events } });
}

async function newDeliveryEvent() {
  const delivery = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
  const [row] = await outboxRowsFor([delivery.id]);
  return { delivery, event: eventOf(row) };
}

const run = (event: ReturnType<typeof eventOf>) =>
  new InngestTestEngine({ function: deliveryWebhooks }).execute({ events: [event] as [typeof event] });

const errorText = (error: unknown) => String((error as { message?: string } | undefined)?.message ?? error);

const attemptsFor = async (eventId: string) =>
  db.webhookDelivery.findMany({ where: { eventId }, orderBy: { attempt: "asc" } });

/** What an integrator does: the library verifies the raw body and the three headers, or throws. */
const verify = (secret: string, request: ReceivedRequest) =>
  new Webhook(secret).verify(request.body, request.headers as Record<string, string>);

const requestsTo = (path: string, eventId: string) =>
  receiver.requests.filter((r) => r.url === path && r.headers["webhook-id"] === eventId);

describe("delivery-webhooks", () => {
  it("POSTs a Standard Webhooks event the library verifies, and does not send it again on a repeated run", async () => {
    const { id: endpointId, secret } = await freshEndpoint("/hooks");
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    receiver.respond = () => ({ status: 204 });
    const { delivery, event } = await newDeliveryEvent();

    const { result, error } = await run(event);
    expect(error).toBeUndefined();
    expect(result).toEqual({ events: 1, messages: 1, sent: { delivered: 1, disabled: [], failed: [] } });
    expect(await db.webhookMessage.count({ where: { endpointId, eventId: event.id } })).toBe(1);
    const [request, ...more] = requestsTo("/hooks", event.id);
    expect(more).toHaveLength(0);
    expect(request.headers["webhook-id"]).toBe(event.id);
    expect(Number(request.headers["webhook-timestamp"])).toBeCloseTo(Date.now() / 1000, -2);
    expect(request.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const body = verify(secret, request);
    expect(body).toMatchObject({ id: event.id, type: "delivery.created", createdAt: event.data.occurredAt });
    expect((body as { data: { delivery: unknown } }).data.delivery).toMatchObject({
      id: delivery.id,
      trackingCode: delivery.trackingCode,
      status: "CREATED",
    });
    // Another secret, a changed body or a stale timestamp is refused by the same library.
    expect(() => verify(newWebhookSecret(), request)).toThrow();
    expect(() => verify(secret, { ...request, body: request.body + " " })).toThrow();
    const stale = { ...request.headers, "webhook-timestamp": String(Math.floor(Date.now() / 1000) - 600) };
    expect(() => verify(secret, { ...request, headers: stale })).toThrow();

    const again = await run(event);
    expect(again.result).toEqual({ events: 1, messages: 1, sent: { delivered: 0, disabled: [], failed: [] } });
    expect(requestsTo("/hooks", event.id)).toHaveLength(1);
    expect(await attemptsFor(event.id)).toMatchObject([{ attempt: 1, responseStatus: 204, error: null }]);
  });

  it("sends each event to every subscribed endpoint, retrying only the one that failed", async () => {
    await db.webhookEndpoint.deleteMany({ where: { partnerId: world.partnerA.id } });
    const make = (path: string, events: WebhookEventType[]) =>
      createWebhookEndpoint({ actor: partnerUser, input: { url: `${receiver.url}${path}`, events } });
    const good = await make("/good", ["delivery.created"]);
    const flaky = await make("/flaky", ["delivery.created", "delivery.assigned"]);
    const other = await make("/other", ["delivery.status_changed"]);
    let flakyUp = false;
    receiver.respond = (r) => ({ status: r.url === "/flaky" && !flakyUp ? 503 : 200, body: { seen: r.url } });
    const { event } = await newDeliveryEvent();

    const failed = await run(event);
    expect(errorText(failed.error)).toMatch(/attempt 1 .*\/flaky failed: HTTP 503/);
    expect(verify(good.secret, requestsTo("/good", event.id)[0])).toMatchObject({ id: event.id });
    expect(verify(flaky.secret, requestsTo("/flaky", event.id)[0])).toMatchObject({ id: event.id });
    expect(receiver.requests.filter((r) => r.url === "/other")).toHaveLength(0); // not subscribed

    flakyUp = true;
    const retried = await run(event);
    expect(retried.result).toEqual({ events: 1, messages: 2, sent: { delivered: 1, disabled: [], failed: [] } });
    expect(requestsTo("/good", event.id)).toHaveLength(1);
    const flakyPosts = requestsTo("/flaky", event.id);
    expect(flakyPosts).toHaveLength(2);
    // Same id and body on the retry; a fresh timestamp and signature.
    expect(flakyPosts[1].body).toBe(flakyPosts[0].body);
    expect(verify(flaky.secret, flakyPosts[1])).toMatchObject({ id: event.id });
    expect(receiver.requests.filter((r) => r.url === "/other")).toHaveLength(0);
    const attempts = await db.webhookDelivery.findMany({
      where: { endpointId: flaky.id, eventId: event.id },
      orderBy: { attempt: "asc" },
    });
    expect(attempts.map((a) => [a.attempt, a.responseStatus, a.responseBody])).toEqual([
      [1, 503, JSON.stringify({ seen: "/flaky" })],
      [2, 200, JSON.stringify({ seen: "/flaky" })],
    ]);
    expect(other.id).toBeTruthy();
  });

  it("tries an endpoint that is down once per attempt of a batch, then sends the whole batch when it is up", async () => {
    const { id } = await freshEndpoint("/down");
    let up = false;
    receiver.respond = () => ({ status: up ? 200 : 503 });
    const batch = await Promise.all([1, 2, 3].map(() => newDeliveryEvent()));
    const events = batch.map((b) => b.event) as [ReturnType<typeof eventOf>, ...ReturnType<typeof eventOf>[]];
    const engine = () => new InngestTestEngine({ function: deliveryWebhooks });
    const ids = events.map((e) => e.id);
    const posts = () => receiver.requests.filter((r) => ids.includes(r.headers["webhook-id"] as string));

    const failed = await engine().execute({ events });
    expect(errorText(failed.error)).toMatch(/attempt 1 .*\/down failed: HTTP 503.*not sent/);
    expect(posts()).toHaveLength(1);
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).toMatchObject({ failureCount: 1 });

    up = true;
    const retried = await engine().execute({ events });
    expect(retried.result).toEqual({ events: 3, messages: 3, sent: { delivered: 3, disabled: [], failed: [] } });
    expect(posts()).toHaveLength(4); // the refused one again, and the two that had waited
    for (const eventId of ids) {
      const attempts = await attemptsFor(eventId);
      expect(
        attempts.filter((a) => a.responseStatus === 200),
        eventId,
      ).toHaveLength(1);
    }
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).toMatchObject({ failureCount: 0 });
  });

  it("disables an endpoint after WEBHOOK_MAX_FAILURES consecutive failures and tells the partner once", async () => {
    const max = env().WEBHOOK_MAX_FAILURES;
    const { id } = await freshEndpoint("/broken");
    receiver.respond = () => ({ status: 500 });
    const { event } = await newDeliveryEvent();
    for (let attempt = 1; attempt < max; attempt++) {
      const { error } = await run(event);
      expect(errorText(error)).toMatch(new RegExp(`attempt ${attempt} `));
    }
    const last = await run(event);
    expect(last.error).toBeUndefined();
    expect(last.result).toEqual({ events: 1, messages: 1, sent: { delivered: 0, disabled: [id], failed: [] } });

    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(endpoint).toMatchObject({ enabled: false, failureCount: max });
    expect(endpoint.disabledAt).toBeInstanceOf(Date);
    expect(await attemptsFor(event.id)).toHaveLength(max);

    const emails = await db.emailMessage.findMany({
      where: { template: "webhook-disabled", to: `hooks-${world.partnerA.slug}@test.example` },
    });
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toBe(`Your webhook endpoint was disabled after ${max} failed attempts`);
    expect(emails[0].text).toContain(`${env().APP_URL}/settings/webhook`);
    const notes = await db.notification.findMany({
      where: { userId: world.partnerA.userId, kind: "webhook.disabled" },
    });
    expect(notes).toHaveLength(1);

    // Not sent while disabled: a run no longer lists it, and a repeated run announces nothing twice.
    const sent = receiver.requests.length;
    expect((await run(event)).result).toEqual({ events: 1, messages: 0, sent: null });
    const later = await newDeliveryEvent();
    expect((await run(later.event)).result).toEqual({ events: 1, messages: 0, sent: null });
    expect(receiver.requests.length).toBe(sent);
    expect(await db.emailMessage.count({ where: { template: "webhook-disabled", to: emails[0].to } })).toBe(1);

    // Enabling it again clears the failures.
    await updateWebhookEndpoint({ actor: partnerUser, id, input: { enabled: true } });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).toMatchObject({
      enabled: true,
      failureCount: 0,
      disabledAt: null,
    });
  });

  it("signs with the old and the new secret for 24 hours after a rotation, then with the new one only", async () => {
    const { id, secret: oldSecret } = await freshEndpoint("/rotate");
    receiver.respond = () => ({ status: 200 });
    const rotated = await rotateWebhookSecret({ actor: partnerUser, id });
    expect(rotated.secret).not.toBe(oldSecret);
    expect(Date.parse(rotated.secretRotatedAt!)).toBeCloseTo(Date.now(), -4);

    expect(await sendTestWebhook({ actor: partnerUser, id })).toMatchObject({ ok: true, responseStatus: 200 });
    const during = receiver.requests.at(-1)!;
    expect(JSON.parse(during.body)).toMatchObject({ type: "webhook.test" });
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    // A receiver still on the old secret verifies, and one already on the new secret too.
    expect(verify(oldSecret, during)).toMatchObject({ type: "webhook.test" });
    expect(verify(rotated.secret, during)).toMatchObject({ type: "webhook.test" });

    // The overlap over (as 24 hours later): the old secret no longer verifies.
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(stored.previousSecretExpiresAt!.getTime() - Date.now()).toBeGreaterThan(ROTATION_OVERLAP_MS - 60_000);
    await db.webhookEndpoint.update({ where: { id }, data: { previousSecretExpiresAt: new Date(Date.now() - 1) } });
    await sendTestWebhook({ actor: partnerUser, id });
    const after = receiver.requests.at(-1)!;
    expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(() => verify(oldSecret, after)).toThrow();
    expect(verify(rotated.secret, after)).toMatchObject({ type: "webhook.test" });
  });
});

describe("webhook-resend", () => {
  it("sends a logged message again with its own webhook-id and body, once however often it runs", async () => {
    const { id, secret } = await freshEndpoint("/resend");
    receiver.respond = () => ({ status: 200 });
    const { event } = await newDeliveryEvent();
    expect((await run(event)).error).toBeUndefined();
    const message = await db.webhookMessage.findUniqueOrThrow({
      where: { endpointId_eventId: { endpointId: id, eventId: event.id } },
    });

    await resendWebhookMessage({ actor: partnerUser, id, messageId: message.id });
    const [row] = await db.outboxEvent.findMany({
      where: { name: "webhook/resend.requested", payload: { path: ["messageId"], equals: message.id } },
    });
    const resend = () =>
      new InngestTestEngine({ function: webhookResend }).execute({
        events: [eventOf(row)] as [ReturnType<typeof eventOf>],
      });
    expect((await resend()).result).toMatchObject({ outcome: "delivered", attempt: 2 });
    expect((await resend()).result).toMatchObject({ outcome: "skipped", reason: "already delivered" });
    const posts = requestsTo("/resend", event.id);
    expect(posts).toHaveLength(2);
    expect(posts[1].body).toBe(posts[0].body);
    expect(verify(secret, posts[1])).toMatchObject({ id: event.id });

    // An event no change wrote sends nothing.
    const forged = await new InngestTestEngine({ function: webhookResend }).execute({
      events: [{ id: crypto.randomUUID(), name: "webhook/resend.requested", data: row.payload }] as never,
    });
    expect(errorText(forged.error)).toMatch(/No outbox row/);
    expect(requestsTo("/resend", event.id)).toHaveLength(2);
  });
});

describe("webhook targets (SSRF)", () => {
  it.each([
    "http://127.0.0.1:8080/hook",
    "http://localhost/hook",
    "http://[::1]/hook",
    "http://169.254.169.254/latest/meta-data",
    "http://10.0.0.7/hook",
    "http://192.168.1.10/hook",
    "ftp://example.com/hook",
    "http://user:pass@93.184.215.14/hook",
    "http://[::7f00:1]/hook",
    "http://[fec0::1]/hook",
    "http://[2002:7f00:1::]/hook",
    "http://[64:ff9b:1::7f00:1]/hook",
    "http://[2001:0:7f00:1::]/hook",
    "http://[100::1]/hook",
  ])("refuses %s unless private targets are allowed", async (url) => {
    await expect(assertSafeWebhookUrl(url, false)).rejects.toThrow();
  });

  it("accepts a public address", async () => {
    await expect(assertSafeWebhookUrl("https://93.184.215.14/hook", false)).resolves.toBeInstanceOf(URL);
  });

  it("never connects to a loopback receiver when private targets are not allowed", async () => {
    const before = receiver.requests.length;
    const result = await postSignedWebhook({
      url: `${receiver.url}/x`,
      signature: signWebhook({ id: "e", body: "{}", secrets: [newWebhookSecret()] }),
      body: "{}",
      timeoutMs: 2_000,
      allowPrivate: false,
    });
    expect(result).toMatchObject({ ok: false, responseStatus: null });
    expect(result.error).toMatch(/not allowed/);
    expect(receiver.requests.length).toBe(before);
  });
});
