// The scheduled stuck-delivery check, run with @inngest/test against the real database.
import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, it } from "vitest";
import { stuckDeliveries } from "@/inngest/functions/stuck-deliveries";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createDeliveryAs, createWorld, startAs, transitionAs, type World } from "./support";

let world: World;
let adminEmail: string;
beforeAll(async () => {
  world = await createWorld();
  adminEmail = (await db.user.findUniqueOrThrow({ where: { id: world.admin.id } })).email;
});

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const run = () => new InngestTestEngine({ function: stuckDeliveries }).execute();

describe("stuck-deliveries", () => {
  it("flags deliveries past the thresholds and tells admins once (digest email + in-app)", async () => {
    const { STUCK_CREATED_AFTER_MINUTES: created, STUCK_IN_TRANSIT_AFTER_MINUTES: inTransit } = env();
    const stuckCreated = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
    const stuckInTransit = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
    const fresh = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
    const nearlyStuck = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
    await startAs({ cookie: world.admin.cookie }, stuckInTransit.id, world.courier.id);
    await db.delivery.update({ where: { id: stuckCreated.id }, data: { updatedAt: minutesAgo(created + 5) } });
    await db.delivery.update({ where: { id: stuckInTransit.id }, data: { updatedAt: minutesAgo(inTransit + 5) } });
    await db.delivery.update({ where: { id: nearlyStuck.id }, data: { updatedAt: minutesAgo(created - 5) } });

    const { result, error } = await run();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ alerts: 2 });

    const alerts = await db.stuckAlert.findMany({
      where: { deliveryId: { in: [stuckCreated.id, stuckInTransit.id, fresh.id, nearlyStuck.id] } },
    });
    expect(alerts.map((a) => [a.deliveryId, a.status, a.thresholdMinutes]).sort()).toEqual(
      [
        [stuckCreated.id, "CREATED", created],
        [stuckInTransit.id, "IN_TRANSIT", inTransit],
      ].sort(),
    );
    expect(alerts.every((a) => a.notifiedAt !== null)).toBe(true);

    const digests = await db.emailMessage.findMany({ where: { to: adminEmail, template: "stuck-digest" } });
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toBe("2 deliveries are stuck");
    expect(digests[0].text).toContain(stuckCreated.trackingCode);
    expect(digests[0].text).toContain(stuckInTransit.trackingCode);
    expect(digests[0].text).toContain(`${env().APP_URL}/deliveries/${stuckCreated.id}`);
    const notes = await db.notification.findMany({ where: { userId: world.admin.id, kind: "delivery.stuck" } });
    expect(notes.map((n) => n.deliveryId).sort()).toEqual([stuckCreated.id, stuckInTransit.id].sort());

    // The next runs find nothing new: once per delivery and threshold.
    expect((await run()).result).toMatchObject({ alerts: 0 });
    expect(await db.emailMessage.count({ where: { to: adminEmail, template: "stuck-digest" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: world.admin.id, kind: "delivery.stuck" } })).toBe(2);
    expect(await db.stuckAlert.count({ where: { deliveryId: { in: [stuckCreated.id, stuckInTransit.id] } } })).toBe(2);
  });
});

describe("late deliveries", () => {
  it("alerts an open delivery past its drop-off window once, as late, and a finished one never", async () => {
    const late = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
    const done = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
    await transitionAs({ apiKey: world.partnerA.apiKey }, done.id, "CANCELLED");
    const ended = { dropoffWindowStart: minutesAgo(180), dropoffWindowEnd: minutesAgo(90) };
    for (const id of [late.id, done.id]) await db.delivery.update({ where: { id }, data: ended });

    const { result, error } = await run();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ alerts: 1 });
    expect(
      await db.stuckAlert.findMany({
        where: { deliveryId: { in: [late.id, done.id] } },
        select: { deliveryId: true, kind: true },
      }),
    ).toEqual([{ deliveryId: late.id, kind: "LATE" }]);
    const note = await db.notification.findFirstOrThrow({ where: { userId: world.admin.id, deliveryId: late.id } });
    expect(note.title).toBe(`Delivery ${late.trackingCode} is late`);
    expect(note.body).toMatch(/drop-off window ended 1 h 3\d min ago/);
    const digest = await db.emailMessage.findFirstOrThrow({
      where: { to: adminEmail, template: "stuck-digest", text: { contains: late.trackingCode } },
    });
    expect(digest.text).toMatch(/late: created, drop-off window ended 9\d min ago/);
    expect((await run()).result).toMatchObject({ alerts: 0 });
  });
});
