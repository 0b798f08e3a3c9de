// Partner webhooks: the delivery-webhook function run with @inngest/test against the
// real database and a loopback receiver that verifies signatures; retries, auto-disable, SSRF.
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveryWebhook } from "@/inngest/functions/delivery-webhook";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import {
  saveWebhookEndpoint,
  revealWebhookSecret,
  rotateWebhookSecret,
  sendTestWebhook,
} from "@/lib/webhooks/manage-endpoint";
import { postSignedWebhook } from "@/lib/webhooks/post";
import { verifyWebhookSignature } from "@/lib/webhooks/signature";
import { assertSafeWebhookUrl } from "@/lib/webhooks/target";
import { createDeliveryAs, createWorld, type World } from "./support";
import { eventOf, outboxRowsFor, startReceiver, type Receiver } from "./background-support";

let world: World;
let receiver: Receiver;
let partnerUser: Parameters<typeof saveWebhookEndpoint>[0]["actor"];
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

async function newDeliveryEvent() {
  const delivery = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
  const [row] = await outboxRowsFor([delivery.id]);
  return { delivery, event: eventOf(row) };
}

const run = (event: ReturnType<typeof eventOf>) =>
  new InngestTestEngine({ function: deliveryWebhook }).execute({ events: [event] as [typeof event] });

const errorText = (error: unknown) => String((error as { message?: string } | undefined)?.message ?? error);

const attemptsFor = async (eventId: string) =>
  db.webhookDelivery.findMany({ where: { eventId }, orderBy: { attempt: "asc" } });

describe("delivery-webhook", () => {
  it("POSTs a signed event the receiver can verify, and does not send it again on a repeated run", async () => {
    await saveWebhookEndpoint({ actor: partnerUser, input: { url: `${receiver.url}/hooks` } });
    const secret = await revealWebhookSecret({ actor: partnerUser });
    receiver.respond = () => ({ status: 204 });
    const before = receiver.requests.length;
    const { delivery, event } = await newDeliveryEvent();

    const { result, error } = await run(event);
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ outcome: "delivered", attempt: 1, responseStatus: 204 });
    const [request] = receiver.requests.slice(before);
    expect(request.url).toBe("/hooks");
    expect(request.headers["webhook-id"]).toBe(event.id);
    expect(
      verifyWebhookSignature({ secret, header: request.headers["webhook-signature"] as string, body: request.body }),
    ).toBe(true);
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({ id: event.id, type: "delivery.created", createdAt: event.data.occurredAt });
    expect(body.data.delivery).toMatchObject({
      id: delivery.id,
      trackingCode: delivery.trackingCode,
      status: "CREATED",
    });
    expect(body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const again = await run(event);
    expect(again.result).toMatchObject({ outcome: "skipped", reason: "already delivered" });
    expect(receiver.requests.length).toBe(before + 1);
    expect(await attemptsFor(event.id)).toMatchObject([{ attempt: 1, responseStatus: 204, error: null }]);
  });

  it("records each failed attempt for Inngest to retry, and resets the count on success", async () => {
    await saveWebhookEndpoint({ actor: partnerUser, input: { url: `${receiver.url}/flaky` } });
    const { event } = await newDeliveryEvent();
    receiver.respond = () => ({ status: 503 });
    const failed = await run(event);
    expect(failed.result).toBeUndefined();
    expect(errorText(failed.error)).toMatch(/attempt 1 .* failed: HTTP 503/);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { partnerId: world.partnerA.id } })).failureCount).toBe(
      1,
    );

    receiver.respond = () => ({ status: 200 });
    expect((await run(event)).result).toMatchObject({ outcome: "delivered", attempt: 2 });
    expect((await attemptsFor(event.id)).map((a) => [a.attempt, a.responseStatus, a.error])).toEqual([
      [1, 503, "HTTP 503"],
      [2, 200, null],
    ]);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { partnerId: world.partnerA.id } })).failureCount).toBe(
      0,
    );
  });

  it("disables the endpoint after WEBHOOK_MAX_FAILURES consecutive failures and tells the partner once", async () => {
    const max = env().WEBHOOK_MAX_FAILURES;
    await saveWebhookEndpoint({ actor: partnerUser, input: { url: `${receiver.url}/broken` } });
    receiver.respond = () => ({ status: 500 });
    const { event } = await newDeliveryEvent();
    for (let attempt = 1; attempt < max; attempt++) {
      const { error } = await run(event);
      expect(errorText(error)).toMatch(new RegExp(`attempt ${attempt} `));
    }
    const last = await run(event);
    expect(last.error).toBeUndefined();
    expect(last.result).toMatchObject({ outcome: "disabled", attempt: max, error: "HTTP 500" });

    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { partnerId: world.partnerA.id } });
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

    // Later events are not sent while disabled; a repeated run announces nothing twice.
    expect((await run(event)).result).toMatchObject({ outcome: "skipped", reason: "endpoint disabled" });
    expect(await db.emailMessage.count({ where: { template: "webhook-disabled", to: emails[0].to } })).toBe(1);

    // Saving the URL again re-enables it.
    await saveWebhookEndpoint({ actor: partnerUser, input: { url: `${receiver.url}/fixed` } });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { partnerId: world.partnerA.id } })).toMatchObject({
      enabled: true,
      failureCount: 0,
      disabledAt: null,
    });
  });

  it("sends a signed test event and rotates the secret", async () => {
    await saveWebhookEndpoint({ actor: partnerUser, input: { url: `${receiver.url}/test` } });
    receiver.respond = () => ({ status: 200 });
    const oldSecret = await revealWebhookSecret({ actor: partnerUser });
    const newSecret = await rotateWebhookSecret({ actor: partnerUser });
    expect(newSecret).not.toBe(oldSecret);
    const result = await sendTestWebhook({ actor: partnerUser });
    expect(result).toMatchObject({ ok: true, responseStatus: 200, error: null });
    const request = receiver.requests.at(-1)!;
    expect(JSON.parse(request.body)).toMatchObject({ type: "webhook.test" });
    const header = request.headers["webhook-signature"] as string;
    expect(verifyWebhookSignature({ secret: newSecret, header, body: request.body })).toBe(true);
    expect(verifyWebhookSignature({ secret: oldSecret, header, body: request.body })).toBe(false);
  });

  it("keeps partners to their own endpoint", async () => {
    const other = {
      kind: "USER" as const,
      id: world.partnerB.userId,
      role: "PARTNER" as const,
      partnerId: world.partnerB.id,
      email: "b@test.example",
    };
    await expect(revealWebhookSecret({ actor: other, input: { partnerId: world.partnerA.id } })).rejects.toMatchObject({
      code: "not_found",
    });
    const apiKey = {
      kind: "API_KEY" as const,
      id: world.partnerA.apiKeyId,
      role: "API_KEY" as const,
      partnerId: world.partnerA.id,
    };
    await expect(revealWebhookSecret({ actor: apiKey })).rejects.toMatchObject({ code: "not_found" });
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
      secret: "s",
      body: "{}",
      eventId: "e",
      timeoutMs: 2_000,
      allowPrivate: false,
    });
    expect(result).toMatchObject({ ok: false, responseStatus: null });
    expect(result.error).toMatch(/not allowed/);
    expect(receiver.requests.length).toBe(before);
  });
});
