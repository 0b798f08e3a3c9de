// Background work on the default install: the production server with no Inngest
// configured runs the real functions with its embedded executor. Receivers on loopback stand in
// for partner webhook endpoints and for Resend; the server is killed and restarted mid-run.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { makeWorkerUtils } from "graphile-worker";
import { db } from "@/lib/db";
import { Webhook } from "standardwebhooks";
import { createWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/manage-endpoint";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/schemas";
import { requestWebhookReplay } from "@/lib/webhooks/replay-missed";
import { ROOT, startApp, type RunningApp } from "../support/app-server";
import { hurryRetries, runsOfEvent, startReceiver, type Receiver } from "./background-support";
import { api, createWorld, deliveryPayload, type World } from "./support";

/** The verifier the README gives partners (the `standardwebhooks` library), taken from the README itself. */
function readmeVerifier(): (secret: string, headers: Record<string, unknown>, body: string) => unknown {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const code = /```js\n(import \{ Webhook \} from "standardwebhooks";[\s\S]*?)```/.exec(readme)![1];
  const body = code.replace(/^import .*$/m, "") + "\nreturn verifyWebhook;";
  return new Function("Webhook", body)(Webhook);
}

const EXECUTOR_ENV = {
  // Fast enough for a test, same code paths as production.
  OUTBOX_RELAY_INTERVAL_MS: "500",
  BACKGROUND_POLL_MS: "200",
  BACKGROUND_LEASE_MS: "2000",
  WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
};

let world: World;
let hooksA: Receiver;
let hooksB: Receiver;
let secretA: string;
let endpointB: string;

const partnerActor = (w: World["partnerA"] | World["partnerB"]) => ({
  kind: "USER" as const,
  id: w.userId,
  role: "PARTNER" as const,
  partnerId: w.id,
  email: "someone@test.example",
});

let stopHurrying: () => Promise<void>;
beforeAll(async () => {
  stopHurrying = await hurryRetries(inject("databaseUrl"));
  world = await createWorld();
  await db.partner.update({
    where: { id: world.partnerA.id },
    data: { contactEmail: `contact-${world.partnerA.slug}@test.example` },
  });
  hooksA = await startReceiver(() => ({ status: 204 }));
  hooksB = await startReceiver(() => ({ status: 204 }));
  const all = [...WEBHOOK_EVENT_TYPES];
  const a = await createWebhookEndpoint({
    actor: partnerActor(world.partnerA),
    input: { url: `${hooksA.url}/hooks`, events: all },
  });
  endpointB = (
    await createWebhookEndpoint({
      actor: partnerActor(world.partnerB),
      input: { url: `${hooksB.url}/hooks`, events: all },
    })
  ).id;
  secretA = a.secret;
});
afterAll(async () => {
  await stopHurrying();
  await hooksA.close();
  await hooksB.close();
});

const outboxIdsOf = async (deliveryId: string, name: string) =>
  (
    await db.outboxEvent.findMany({
      where: { name, payload: { path: ["deliveryId"], equals: deliveryId } },
      select: { id: true },
    })
  ).map((r) => r.id);

async function runsSettled(eventId: string, count = 2, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const runs = await runsOfEvent(eventId);
    if (runs.length === count && runs.every((r) => r.status === "COMPLETED" || r.status === "FAILED")) return runs;
    if (Date.now() > deadline) throw new Error(`runs of ${eventId} did not settle: ${JSON.stringify(runs)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("with no Inngest configured", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ databaseUrl: inject("databaseUrl"), env: EXECUTOR_ENV, echo: true });
  });
  afterAll(() => app.stop());

  const create = async (overrides: Record<string, unknown> = {}) => {
    const res = await api("POST", "/api/v1/deliveries", {
      baseUrl: app.url,
      as: { apiKey: world.partnerA.apiKey },
      json: deliveryPayload({ recipientEmail: "grace@example.com", ...overrides }),
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; trackingCode: string };
  };

  it("says in its start banner that the embedded executor runs the background work", () => {
    expect(app.logs()).toMatch(/Background work: embedded executor/);
  });

  it("does not serve /api/inngest, whatever the method (404, not 500)", async () => {
    for (const method of ["GET", "POST", "PUT"]) {
      const res = await api(method, "/api/inngest", { baseUrl: app.url, json: method === "GET" ? undefined : {} });
      expect(res.status, method).toBe(404);
    }
  });

  it("emails, notifies and POSTs a signed webhook for a create and for a status change, once each", async () => {
    const delivery = await create();
    const [created] = await outboxIdsOf(delivery.id, "delivery/created");
    const runs = await runsSettled(created);
    expect(runs.map((r) => [r.functionId, r.status])).toEqual([
      ["delivery-platform-delivery-notifications", "COMPLETED"],
      ["delivery-platform-delivery-webhooks", "COMPLETED"],
    ]);
    const emails = await db.emailMessage.findMany({ where: { deliveryId: delivery.id }, orderBy: { to: "asc" } });
    expect(emails.map((e) => [e.template, e.to, e.status])).toEqual([
      ["delivery-created", `contact-${world.partnerA.slug}@test.example`, "LOGGED"],
      ["recipient-update", "grace@example.com", "LOGGED"],
    ]);
    const notes = await db.notification.findMany({ where: { deliveryId: delivery.id } });
    expect(notes).toMatchObject([{ userId: world.partnerA.userId, readAt: null, kind: "delivery.created" }]);
    const posts = hooksA.requests.filter((r) => r.headers["webhook-id"] === created);
    expect(posts).toHaveLength(1);
    expect(readmeVerifier()(secretA, posts[0].headers, posts[0].body)).toMatchObject({ id: created });
    expect(JSON.parse(posts[0].body)).toMatchObject({ id: created, type: "delivery.created" });

    const cancel = await api("POST", `/api/v1/deliveries/${delivery.id}/status`, {
      baseUrl: app.url,
      as: { apiKey: world.partnerA.apiKey },
      json: { status: "CANCELLED", reason: "Customer called" },
    });
    expect(cancel.status).toBe(200);
    const [changed] = await outboxIdsOf(delivery.id, "delivery/status.changed");
    expect((await runsSettled(changed)).every((r) => r.status === "COMPLETED")).toBe(true);
    expect(await db.emailMessage.count({ where: { deliveryId: delivery.id, status: "LOGGED" } })).toBe(4);
    expect(await db.notification.count({ where: { deliveryId: delivery.id } })).toBe(2);
    const changedPosts = hooksA.requests.filter((r) => r.headers["webhook-id"] === changed);
    expect(changedPosts).toHaveLength(1);
    expect(JSON.parse(changedPosts[0].body)).toMatchObject({
      type: "delivery.status_changed",
      data: { from: "CREATED", to: "CANCELLED", reason: "Customer called" },
    });
    expect(readmeVerifier()(secretA, changedPosts[0].headers, changedPosts[0].body)).toMatchObject({ id: changed });
  });

  it("retries a webhook receiver that fails 3 times, then delivers it exactly once", async () => {
    let failuresLeft = 3;
    hooksA.respond = () => (failuresLeft-- > 0 ? { status: 503 } : { status: 200 });
    try {
      const delivery = await create({ recipientEmail: undefined });
      const [eventId] = await outboxIdsOf(delivery.id, "delivery/created");
      const runs = await runsSettled(eventId);
      const webhookRun = runs.find((r) => r.functionId.endsWith("delivery-webhooks"))!;
      expect(webhookRun.status).toBe("COMPLETED");
      const attempts = await db.webhookDelivery.findMany({ where: { eventId }, orderBy: { attempt: "asc" } });
      expect(attempts.map((a) => [a.attempt, a.responseStatus])).toEqual([
        [1, 503],
        [2, 503],
        [3, 503],
        [4, 200],
      ]);
      const posts = hooksA.requests.filter((r) => r.headers["webhook-id"] === eventId);
      expect(posts).toHaveLength(4);
    } finally {
      hooksA.respond = () => ({ status: 204 });
    }
  });

  it("sends nothing to another partner when an event names the wrong partner", async () => {
    const delivery = await create();
    const forged = await db.outboxEvent.create({
      data: {
        name: "delivery/status.changed",
        payload: {
          deliveryId: delivery.id,
          partnerId: world.partnerB.id,
          trackingCode: delivery.trackingCode,
          from: "ASSIGNED",
          to: "IN_TRANSIT",
          reason: null,
          version: 3,
          occurredAt: new Date().toISOString(),
        },
      },
    });
    await runsSettled(forged.id);
    expect(hooksB.requests.filter((r) => r.headers["webhook-id"] === forged.id)).toHaveLength(0);
    expect(await db.notification.count({ where: { userId: world.partnerB.userId } })).toBe(0);
    // The delivery's owner, read from the database, is the one told.
    expect(hooksA.requests.filter((r) => r.headers["webhook-id"] === forged.id)).toHaveLength(1);
    expect(
      await db.notification.count({ where: { userId: world.partnerA.userId, dedupeKey: `event:${forged.id}` } }),
    ).toBe(1);
  });

  it("replays what a disabled endpoint missed, once each, under the original ids", { timeout: 60_000 }, async () => {
    const asB = { apiKey: world.partnerB.apiKey };
    const createForB = async () => {
      const res = await api("POST", "/api/v1/deliveries", { baseUrl: app.url, as: asB, json: deliveryPayload() });
      expect(res.status).toBe(201);
      const [eventId] = await outboxIdsOf(res.body.id, "delivery/created");
      return eventId;
    };
    hooksB.respond = () => ({ status: 500 });
    const failed = await createForB();
    await runsSettled(failed, 2, 30_000);
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointB } });
    expect(endpoint).toMatchObject({ enabled: false, failureCount: 5 });
    expect(endpoint.missedSince).not.toBeNull();
    const missed = [await createForB(), await createForB()];
    for (const id of missed) await runsSettled(id);
    expect(hooksB.requests.filter((r) => missed.includes(r.headers["webhook-id"] as string))).toHaveLength(0);

    hooksB.respond = () => ({ status: 204 });
    const actor = partnerActor(world.partnerB);
    await updateWebhookEndpoint({ actor, id: endpointB, input: { enabled: true } });
    expect(await requestWebhookReplay({ actor, id: endpointB })).toBe(3);
    const replay = await until("the replay run", () =>
      db.backgroundRun.findFirst({ where: { functionId: "delivery-platform-webhook-replay", status: "COMPLETED" } }),
    );
    expect(replay.output).toEqual({ missed: 3, delivered: 3 });
    for (const id of [failed, ...missed]) {
      const ok = hooksB.requests.filter((r) => r.headers["webhook-id"] === id && JSON.parse(r.body).id === id);
      // The failed event's five refused attempts, then its one replay; the missed ones once each.
      expect(ok.length, id).toBe(id === failed ? 6 : 1);
    }
    await expect(requestWebhookReplay({ actor, id: endpointB })).rejects.toMatchObject({ code: "conflict" });
  });

  it("runs the scheduled stuck check and notifies admins of a backdated delivery", async () => {
    const delivery = await create();
    await db.delivery.update({
      where: { id: delivery.id },
      data: { updatedAt: new Date(Date.now() - 3 * 24 * 60 * 60 * 1000) },
    });
    // Two jobs for one tick (as if two schedulers had fired), on the function's serial queue.
    const ts = new Date().toISOString();
    const tick = `cron:delivery-platform-stuck-deliveries:${ts}`;
    const utils = await makeWorkerUtils({ connectionString: inject("databaseUrl") });
    const queueName = "delivery-platform-stuck-deliveries";
    await Promise.all([1, 2].map(() => utils.addJob(queueName, { _cron: { ts } }, { queueName })));
    await utils.release();
    const [run] = await runsSettled(tick, 1);
    expect(run.status).toBe("COMPLETED");
    const note = await until("the stuck notification", () =>
      db.notification.findFirst({ where: { userId: world.admin.id, kind: "delivery.stuck", deliveryId: delivery.id } }),
    );
    expect(note.title).toBe(`Delivery ${delivery.trackingCode} is stuck`);
  });
});

describe("with Resend configured, a failing address and a crash", () => {
  let resend: Receiver;
  let app: RunningApp;
  const env = () => ({ ...EXECUTOR_ENV, RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: resend.url });

  beforeAll(async () => {
    resend = await startReceiver((req) => {
      const to = (JSON.parse(req.body) as { to: string[] }).to[0];
      if (to.startsWith("bounce@")) {
        return { status: 422, body: { name: "validation_error", message: "Invalid `to` field", statusCode: 422 } };
      }
      return { status: 200, body: { id: `re_${randomUUID()}` }, delayMs: to.startsWith("slow@") ? 4_000 : 0 };
    });
    app = await startApp({ databaseUrl: inject("databaseUrl"), env: env(), echo: true });
  });
  afterAll(async () => {
    await app.stop();
    await resend.close();
  });

  const create = async (recipientEmail: string) => {
    const res = await api("POST", "/api/v1/deliveries", {
      baseUrl: app.url,
      as: { apiKey: world.partnerA.apiKey },
      json: deliveryPayload({ recipientEmail }),
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; trackingCode: string };
  };

  it("lets a permanently failing email neither block the notification nor the other email", async () => {
    const delivery = await create(`bounce@${randomUUID().slice(0, 8)}.example`);
    const [eventId] = await outboxIdsOf(delivery.id, "delivery/created");
    const runs = await runsSettled(eventId, 2, 30_000);
    const byFn = Object.fromEntries(runs.map((r) => [r.functionId.replace("delivery-platform-", ""), r]));
    expect(byFn["delivery-webhooks"].status).toBe("COMPLETED");
    expect(byFn["delivery-notifications"].status).toBe("FAILED");
    expect(byFn["delivery-notifications"].error).toMatch(/recipient: .*Invalid `to` field/);
    // The notification step finished before the emails step failed for good.
    expect(Object.values(byFn["delivery-notifications"].steps as object)).toContainEqual({ data: { created: 1 } });
    expect(await db.notification.count({ where: { deliveryId: delivery.id } })).toBe(1);
    const emails = await db.emailMessage.findMany({ where: { deliveryId: delivery.id }, orderBy: { template: "asc" } });
    expect(emails.map((e) => [e.template, e.status])).toEqual([
      ["delivery-created", "SENT"],
      ["recipient-update", "FAILED"],
    ]);
    // Retried with backoff: 6 attempts (retries: 5) at the provider, then given up.
    const recipientKey = `${eventId}:recipient`;
    expect(resend.requests.filter((r) => r.headers["idempotency-key"] === recipientKey)).toHaveLength(6);
  }, 60_000);

  it("finishes a run after SIGKILL and a restart without sending anything twice", async () => {
    const delivery = await create("slow@example.com");
    const [eventId] = await outboxIdsOf(delivery.id, "delivery/created");
    const contactKey = `${eventId}:partner-contact`;
    const recipientKey = `${eventId}:recipient`;
    // Killed while the emails step is in flight (the slow recipient email, after the contact's),
    // after the notification step and the webhook run are done.
    await until("the recipient email in flight", async () =>
      resend.requests.some((r) => r.headers["idempotency-key"] === recipientKey),
    );
    await until("the webhook run", async () =>
      (await runsOfEvent(eventId)).some((r) => r.functionId.endsWith("delivery-webhooks") && r.status === "COMPLETED"),
    );
    const notifyRun = (await runsOfEvent(eventId)).find((r) => r.functionId.endsWith("delivery-notifications"))!;
    expect(notifyRun.status).toBe("RUNNING");
    expect(notifyRun.stack).toHaveLength(1); // notify-partner-users is remembered
    expect(await db.emailMessage.findFirst({ where: { idempotencyKey: contactKey } })).toMatchObject({
      status: "SENT",
    });
    await app.stop("SIGKILL");

    app = await startApp({ databaseUrl: inject("databaseUrl"), env: env(), echo: true });
    const runs = await runsSettled(eventId, 2, 30_000);
    expect(runs.every((r) => r.status === "COMPLETED")).toBe(true);

    // The step was redone, but the contact's email, already sent, was not sent again; the
    // interrupted one was sent again under the same idempotency key, which makes Resend send it once.
    expect(resend.requests.filter((r) => r.headers["idempotency-key"] === contactKey)).toHaveLength(1);
    const recipientCalls = resend.requests.filter((r) => r.headers["idempotency-key"] === recipientKey);
    expect(recipientCalls.length).toBeGreaterThanOrEqual(1);
    const emails = await db.emailMessage.findMany({ where: { deliveryId: delivery.id } });
    expect(emails.map((e) => e.status).sort()).toEqual(["SENT", "SENT"]);
    expect(await db.notification.count({ where: { deliveryId: delivery.id } })).toBe(1);
    expect(hooksA.requests.filter((r) => r.headers["webhook-id"] === eventId)).toHaveLength(1);
  }, 90_000);
});
