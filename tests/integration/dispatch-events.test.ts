// Dispatch events on the embedded executor: an assignment becomes the partner's email, notifications
// and a signed `delivery.assigned` webhook; "out for delivery" carries the recipient's code for
// partners who ask for one, and never to the courier.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { assignDelivery } from "@/lib/deliveries/assign-delivery";
import { createDelivery } from "@/lib/deliveries/create-delivery";
import { transitionDelivery } from "@/lib/deliveries/transition-delivery";
import { createWebhookEndpoint } from "@/lib/webhooks/manage-endpoint";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/schemas";
import { startApp, type RunningApp } from "../support/app-server";
import { startReceiver, type Receiver } from "./background-support";
import { actorsOf, createWorld, deliveryPayload, type World } from "./support";

const EXECUTOR_ENV = {
  OUTBOX_RELAY_INTERVAL_MS: "300",
  BACKGROUND_POLL_MS: "200",
  BACKGROUND_LEASE_MS: "2000",
  WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
};

let world: World;
let as: ReturnType<typeof actorsOf>;
let hooks: Receiver;
let app: RunningApp;

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  world = await createWorld();
  as = actorsOf(world);
  await db.partner.update({
    where: { id: world.partnerA.id },
    data: { contactEmail: `contact-${world.partnerA.slug}@test.example`, proofOfDelivery: "CODE" },
  });
  hooks = await startReceiver(() => ({ status: 204 }));
  await createWebhookEndpoint({
    actor: as.partnerA,
    input: { url: `${hooks.url}/hooks`, events: [...WEBHOOK_EVENT_TYPES] },
  });
  app = await startApp({ databaseUrl: inject("databaseUrl"), env: EXECUTOR_ENV });
});
afterAll(async () => {
  await app?.stop();
  await hooks?.close();
});

// Several background runs in a row, on two shared cores while other suites run: more than the default.
describe("an assignment on the embedded executor", { timeout: 90_000 }, () => {
  it("emails the partner, notifies partner users and the courier, and POSTs delivery.assigned", async () => {
    const { delivery } = await createDelivery({
      actor: as.partnerA,
      input: deliveryPayload({ recipientEmail: `r-${randomUUID().slice(0, 6)}@example.com` }) as never,
    });
    await assignDelivery({ actor: as.admin, id: delivery.id, input: { assigneeId: world.courier.id } });
    const [event] = await db.outboxEvent.findMany({
      where: { name: "delivery/assigned", payload: { path: ["deliveryId"], equals: delivery.id } },
    });
    const post = await until("the delivery.assigned webhook", async () =>
      hooks.requests.find((r) => r.headers["webhook-id"] === event.id),
    );
    expect(JSON.parse(post.body)).toMatchObject({
      id: event.id,
      type: "delivery.assigned",
      data: {
        from: "CREATED",
        to: "ASSIGNED",
        assigneeId: world.courier.id,
        previousAssigneeId: null,
        delivery: { status: "ASSIGNED", assignee: { id: world.courier.id, name: expect.stringMatching(/^Courier /) } },
      },
    });
    expect(post.body).not.toContain("partnerId");
    const notes = await until("both notifications", async () => {
      const rows = await db.notification.findMany({
        where: { deliveryId: delivery.id, kind: { startsWith: "delivery.assigned" } },
        orderBy: { kind: "asc" },
      });
      return rows.length === 2 && rows;
    });
    expect(notes.map((n) => [n.kind, n.userId])).toEqual([
      ["delivery.assigned", world.partnerA.userId],
      ["delivery.assigned_to_you", world.courier.id],
    ]);
    expect(notes[0].title).toMatch(/assigned to Courier /);
    const email = await until("the partner's email", () =>
      db.emailMessage.findFirst({ where: { deliveryId: delivery.id, template: "delivery-status-changed" } }),
    );
    expect(email.subject).toMatch(/is assigned to Courier /);
    // Dispatch's own moves are no news to the recipient: the one recipient email is the create's.
    // Both events' runs must have finished first (runs of two events may finish in any order).
    const events = await db.outboxEvent.findMany({
      where: { payload: { path: ["deliveryId"], equals: delivery.id } },
      select: { id: true },
    });
    expect(events).toHaveLength(2);
    const members = { some: { eventId: { in: events.map((e) => e.id) } } };
    const runs = await until("the runs of both events to settle", async () => {
      const rows = await db.backgroundRun.findMany({ where: { members }, include: { members: true } });
      const taken = rows.flatMap((r) => r.members).filter((m) => events.some((e) => e.id === m.eventId));
      return taken.length === 4 && rows.every((r) => r.status === "COMPLETED") && rows;
    });
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(await db.emailMessage.count({ where: { deliveryId: delivery.id, template: "recipient-update" } })).toBe(1);
  });

  it("sends the recipient's delivery code with 'out for delivery', and never to the courier", async () => {
    const recipientEmail = `r-${randomUUID().slice(0, 6)}@example.com`;
    const { delivery } = await createDelivery({
      actor: as.partnerA,
      input: deliveryPayload({ recipientEmail }) as never,
    });
    await assignDelivery({ actor: as.admin, id: delivery.id, input: { assigneeId: world.courier.id } });
    const started = await transitionDelivery({ actor: as.courier, id: delivery.id, input: { status: "IN_TRANSIT" } });
    expect(JSON.stringify(started)).not.toMatch(/proofCode/);
    const { proofCode } = await db.delivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(proofCode).toMatch(/^[0-9]{6}$/);
    const email = await until("the out-for-delivery email", () =>
      db.emailMessage.findFirst({
        where: { deliveryId: delivery.id, template: "recipient-update", subject: { contains: "on its way" } },
      }),
    );
    expect(email.to).toBe(recipientEmail);
    expect(email.text).toContain(proofCode!);
    const others = await db.emailMessage.findMany({ where: { deliveryId: delivery.id, NOT: { id: email.id } } });
    for (const other of others) expect(other.text).not.toContain(proofCode!);
    const notes = await db.notification.findMany({ where: { deliveryId: delivery.id } });
    for (const note of notes) expect(`${note.title} ${note.body}`).not.toContain(proofCode!);
  });
});
