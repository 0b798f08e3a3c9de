// Functions act only on events a change wrote: a well-formed delivery event that no outbox row
// stands behind (forged, e.g. posted to an Inngest endpoint in dev mode) sends nothing. The event
// goes to the real functions through the SDK's serve handler, as the embedded executor calls them.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { inngest } from "@/inngest/client";
import { EmbeddedExecutor } from "@/lib/background/embedded/executor";
import { deliveryNotifications } from "@/inngest/functions/delivery-notifications";
import { deliveryWebhooks } from "@/inngest/functions/delivery-webhooks";
import { db } from "@/lib/db";
import { createWebhookEndpoint } from "@/lib/webhooks/manage-endpoint";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/schemas";
import { outboxRowsFor, runsOfEvent, startReceiver, type Receiver } from "./background-support";
import { createDeliveryAs, createWorld, type World } from "./support";

let world: World;
let hooks: Receiver;
let executor: EmbeddedExecutor;
const pgPool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 4 });
pgPool.on("error", () => {});

beforeAll(async () => {
  world = await createWorld();
  await db.partner.update({
    where: { id: world.partnerA.id },
    data: { contactEmail: `contact-${world.partnerA.slug}@test.example` },
  });
  hooks = await startReceiver(() => ({ status: 204 }));
  const actor = {
    kind: "USER" as const,
    id: world.partnerA.userId,
    role: "PARTNER" as const,
    partnerId: world.partnerA.id,
    email: "someone@test.example",
  };
  await createWebhookEndpoint({ actor, input: { url: `${hooks.url}/hooks`, events: [...WEBHOOK_EVENT_TYPES] } });
  executor = new EmbeddedExecutor({
    appId: inngest.id,
    functions: [deliveryNotifications, deliveryWebhooks],
    pgPool,
    concurrency: 4,
    leaseMs: 5_000,
    pollMs: 100,
  });
  await executor.start();
});
afterAll(async () => {
  await executor.stop(1_000);
  await pgPool.end();
  await hooks.close();
});

async function runsOf(eventId: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const runs = await runsOfEvent(eventId);
    if (runs.length === 2 && runs.every((r) => r.status === "COMPLETED" || r.status === "FAILED")) return runs;
    if (Date.now() > deadline) throw new Error(`runs of ${eventId} did not settle: ${JSON.stringify(runs)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const forgedChange = (delivery: { id: string; trackingCode: string }, id: string) => ({
  id,
  name: "delivery/status.changed",
  data: {
    deliveryId: delivery.id,
    partnerId: world.partnerA.id,
    trackingCode: delivery.trackingCode,
    from: "IN_TRANSIT",
    to: "COMPLETED",
    reason: "FORGED: call +1 555 0100 to claim your parcel",
    version: 3,
    occurredAt: new Date().toISOString(),
  },
  ts: Date.now(),
});

describe("a delivery event no change wrote", () => {
  it("sends no email, notification or webhook, and its runs fail saying why", async () => {
    const delivery = await createDeliveryAs({ apiKey: world.partnerA.apiKey }, { recipientEmail: "ada@example.com" });
    const forged = forgedChange(delivery, randomUUID());
    await executor.send([forged]);

    const runs = await runsOf(forged.id);
    for (const run of runs) {
      expect(run.status).toBe("FAILED");
      expect(run.error).toContain(`No outbox row for ${forged.id} (delivery/status.changed)`);
    }
    const emails = await db.emailMessage.findMany({ where: { idempotencyKey: { startsWith: forged.id } } });
    expect(emails).toEqual([]);
    expect(await db.notification.count({ where: { dedupeKey: `event:${forged.id}` } })).toBe(0);
    expect(hooks.requests.filter((r) => r.headers["webhook-id"] === forged.id)).toEqual([]);
  });

  it("does the genuine events of a batch it shares, and fails the run naming only the forged one", async () => {
    const delivery = await createDeliveryAs({ apiKey: world.partnerA.apiKey }, { recipientEmail: "ada@example.com" });
    const [row] = await outboxRowsFor([delivery.id]);
    const genuine = { id: row.id, name: row.name, data: row.payload as Record<string, unknown>, ts: Date.now() };
    const forged = forgedChange(delivery, randomUUID());
    await executor.send([genuine, forged]);

    const runs = await runsOf(forged.id);
    expect((await runsOfEvent(genuine.id)).map((r) => r.id).sort()).toEqual(runs.map((r) => r.id).sort());
    for (const run of runs) {
      expect(run.status).toBe("FAILED");
      expect(run.error).toContain(`No outbox row for ${forged.id} (delivery/status.changed)`);
      expect(run.error).not.toContain(genuine.id);
    }
    const emails = await db.emailMessage.findMany({ where: { idempotencyKey: { startsWith: genuine.id } } });
    expect(emails.map((e) => e.template).sort()).toEqual(["delivery-created", "recipient-update"]);
    expect(await db.notification.count({ where: { dedupeKey: `event:${genuine.id}` } })).toBe(1);
    expect(hooks.requests.filter((r) => r.headers["webhook-id"] === genuine.id)).toHaveLength(1);
    expect(hooks.requests.filter((r) => r.headers["webhook-id"] === forged.id)).toEqual([]);
  });
});
