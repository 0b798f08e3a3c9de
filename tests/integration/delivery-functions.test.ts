// The delivery-notifications function (in-app notifications and emails for delivery events, in
// batches), run with @inngest/test against the real database: each event is the outbox row a real
// API call wrote. A fresh engine per run (results are memoised
// per engine); running twice is how Inngest's retries and redeliveries look to our side effects.
import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, it } from "vitest";
import { deliveryNotifications } from "@/inngest/functions/delivery-notifications";
import { db } from "@/lib/db";
import { api, createDeliveryAs, createWorld, startAs, transitionAs, type World } from "./support";
import { eventOf, outboxRowsFor } from "./background-support";

let world: World;
let contactEmail: string;
beforeAll(async () => {
  world = await createWorld();
  contactEmail = `contact-${world.partnerA.slug}@test.example`;
  await db.partner.update({ where: { id: world.partnerA.id }, data: { contactEmail } });
});

/** The function for people, on a batch of these events: the in-app notifications and the emails. */
async function run(...rows: { id: string; name: string; payload: unknown }[]) {
  const events = rows.map(eventOf) as [ReturnType<typeof eventOf>, ...ReturnType<typeof eventOf>[]];
  const { result, error } = await new InngestTestEngine({ function: deliveryNotifications }).execute({ events });
  return {
    result: result as {
      events: number;
      inApp: { created: number };
      emails: { sent: number; skipped: Record<string, number> };
    },
    error,
  };
}

const sideEffectsOf = async (deliveryId: string) => ({
  emails: await db.emailMessage.findMany({ where: { deliveryId }, orderBy: { template: "asc" } }),
  notifications: await db.notification.findMany({ where: { deliveryId }, orderBy: { createdAt: "asc" } }),
});

describe("delivery-notifications on delivery/created", () => {
  it("emails the partner contact and the recipient and notifies the partner's users, once", async () => {
    const delivery = await createDeliveryAs({ apiKey: world.partnerA.apiKey }, { recipientEmail: "Grace@Example.com" });
    const [row] = await outboxRowsFor([delivery.id]);
    expect(row.name).toBe("delivery/created");

    const { result, error } = await run(row);
    expect(error).toBeUndefined();
    expect(result).toEqual({ events: 1, inApp: { created: 1 }, emails: { sent: 2, skipped: {} } });

    const first = await sideEffectsOf(delivery.id);
    expect(first.emails.map((e) => [e.template, e.to, e.status])).toEqual([
      ["delivery-created", contactEmail, "LOGGED"],
      ["recipient-update", "grace@example.com", "LOGGED"],
    ]);
    expect(first.emails[0].subject).toBe(`Delivery ${delivery.trackingCode} received`);
    expect(first.emails[1].subject).toBe(`Your delivery ${delivery.trackingCode} is booked`);
    expect(first.notifications).toHaveLength(1);
    expect(first.notifications[0]).toMatchObject({
      userId: world.partnerA.userId,
      kind: "delivery.created",
      title: `Delivery ${delivery.trackingCode} created`,
    });

    const again = await run(row);
    expect(again.error).toBeUndefined();
    const second = await sideEffectsOf(delivery.id);
    expect(second.emails.map((e) => e.id)).toEqual(first.emails.map((e) => e.id));
    expect(second.notifications.map((n) => n.id)).toEqual(first.notifications.map((n) => n.id));
  });

  it("skips the recipient email when no address was given", async () => {
    const delivery = await createDeliveryAs({ apiKey: world.partnerA.apiKey }, { recipientEmail: undefined });
    const [row] = await outboxRowsFor([delivery.id]);
    const { result } = await run(row);
    expect(result).toMatchObject({ emails: { sent: 1, skipped: { "no recipient email": 1 } } });
    expect((await sideEffectsOf(delivery.id)).emails.map((e) => e.template)).toEqual(["delivery-created"]);
  });

  it("does a whole batch in one run: every event's emails and notifications, each once", async () => {
    const deliveries = await Promise.all(
      [1, 2, 3].map((n) =>
        createDeliveryAs({ apiKey: world.partnerA.apiKey }, { recipientEmail: `r${n}@example.com` }),
      ),
    );
    const rows = await outboxRowsFor(deliveries.map((d) => d.id));
    expect(rows).toHaveLength(3);
    const { result, error } = await run(...rows);
    expect(error).toBeUndefined();
    expect(result).toEqual({ events: 3, inApp: { created: 3 }, emails: { sent: 6, skipped: {} } });
    for (const [n, d] of deliveries.entries()) {
      const { emails, notifications } = await sideEffectsOf(d.id);
      expect(emails.map((e) => e.to).sort()).toEqual([contactEmail, `r${n + 1}@example.com`].sort());
      expect(notifications.map((x) => x.title)).toEqual([`Delivery ${d.trackingCode} created`]);
    }
    const again = await run(...rows);
    expect(again.result).toEqual({ events: 3, inApp: { created: 0 }, emails: { sent: 6, skipped: {} } });
    expect(await db.emailMessage.count({ where: { deliveryId: { in: deliveries.map((d) => d.id) } } })).toBe(6);
  });
});

describe("delivery-notifications on delivery/status.changed", () => {
  it.each([
    ["IN_TRANSIT", "is on its way", "in transit"],
    ["CANCELLED", "was cancelled", "cancelled"],
  ] as const)("tells partner, recipient and users about %s", async (status, recipientWords, label) => {
    const delivery = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
    if (status === "CANCELLED") await transitionAs({ cookie: world.partnerA.cookie }, delivery.id, status);
    else await startAs({ cookie: world.admin.cookie }, delivery.id, world.courier.id);
    const row = (await outboxRowsFor([delivery.id])).find((r) => r.name === "delivery/status.changed")!;
    expect(row).toBeDefined();

    const { error } = await run(row);
    expect(error).toBeUndefined();
    const { emails, notifications } = await sideEffectsOf(delivery.id);
    const partnerEmail = emails.find((e) => e.template === "delivery-status-changed");
    const recipientEmail = emails.find((e) => e.template === "recipient-update");
    expect(partnerEmail).toMatchObject({
      to: contactEmail,
      subject: `Delivery ${delivery.trackingCode} is now ${label}`,
    });
    expect(recipientEmail).toMatchObject({
      to: "ada@example.com",
      subject: `Your delivery ${delivery.trackingCode} ${recipientWords}`,
    });
    expect(notifications.map((n) => n.title)).toContain(`Delivery ${delivery.trackingCode} is now ${label}`);

    const count = emails.length + notifications.length;
    await run(row);
    const after = await sideEffectsOf(delivery.id);
    expect(after.emails.length + after.notifications.length).toBe(count);
  });

  it("shows the new notification to the partner's user over the API", async () => {
    const delivery = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
    await startAs({ cookie: world.admin.cookie }, delivery.id, world.courier.id);
    const row = (await outboxRowsFor([delivery.id])).find((r) => r.name === "delivery/status.changed")!;
    await run(row);
    const list = await api("GET", "/api/v1/notifications?unread=true", { as: { cookie: world.partnerA.cookie } });
    expect(list.status).toBe(200);
    expect(list.body.data.map((n: { title: string }) => n.title)).toContain(
      `Delivery ${delivery.trackingCode} is now in transit`,
    );
    const other = await api("GET", "/api/v1/notifications", { as: { cookie: world.partnerB.cookie } });
    expect(other.body.data.map((n: { deliveryId: string }) => n.deliveryId)).not.toContain(delivery.id);
  });
});

describe("delivery-notifications on delivery/assigned (as an Inngest server runs it)", () => {
  it("tells the partner who has it, notifies partner users and the courier, and skips the recipient, once", async () => {
    const delivery = await createDeliveryAs({ apiKey: world.partnerA.apiKey }, { recipientEmail: "ada@example.com" });
    const assigned = await api("PUT", `/api/v1/deliveries/${delivery.id}/assignment`, {
      as: { cookie: world.admin.cookie },
      json: { assigneeId: world.courier.id },
    });
    expect(assigned.status).toBe(200);
    const row = (await outboxRowsFor([delivery.id])).find((r) => r.name === "delivery/assigned")!;

    const { result, error } = await run(row);
    expect(error).toBeUndefined();
    expect(result).toMatchObject({
      emails: { sent: 1, skipped: { "assignment changes are not sent to recipients": 1 } },
    });
    const again = await run(row);
    expect(again.error).toBeUndefined();

    const { emails, notifications } = await sideEffectsOf(delivery.id);
    const assignedEmails = emails.filter((e) => e.template === "delivery-status-changed");
    expect(assignedEmails.map((e) => [e.to, e.subject])).toEqual([
      [contactEmail, `Delivery ${delivery.trackingCode} is assigned to ${assigned.body.assignee.name}`],
    ]);
    // Only the assigned event ran here: dispatch's moves send the recipient nothing.
    expect(emails.filter((e) => e.to === "ada@example.com")).toEqual([]);
    expect(
      notifications
        .filter((n) => n.kind.startsWith("delivery.assigned"))
        .map((n) => [n.kind, n.userId])
        .sort(),
    ).toEqual([
      ["delivery.assigned", world.partnerA.userId],
      ["delivery.assigned_to_you", world.courier.id],
    ]);
  });
});
