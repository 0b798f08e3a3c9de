// The admin overview's numbers and the delivery timeline, called as use cases, within scope.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createDelivery } from "@/lib/deliveries/create-delivery";
import { getDeliveryStats } from "@/lib/deliveries/get-delivery-stats";
import { listStuckDeliveries } from "@/lib/deliveries/list-stuck-deliveries";
import { listTimeline } from "@/lib/deliveries/list-timeline";
import { env } from "@/lib/env";
import { actorsOf, createWorld, deliveryPayload, startDelivery, type World } from "./support";

let world: World;
let partnerA: Actor;
let partnerB: Actor;
let admin: Actor;

beforeAll(async () => {
  world = await createWorld();
  ({ partnerA, partnerB, admin } = actorsOf(world));
});

describe("overview numbers", () => {
  it("counts per status and per day, scoped to the caller's partner", async () => {
    // Partner B of a fresh world: exactly these deliveries, while partner A has others. Without
    // the partner condition the counts would include A's (and every other test's) deliveries.
    const { delivery } = await createDelivery({ actor: partnerB, input: deliveryPayload() as never });
    await createDelivery({ actor: partnerB, input: deliveryPayload() as never });
    await createDelivery({ actor: partnerA, input: deliveryPayload() as never });
    await startDelivery(admin, delivery.id, world.courier.id);
    const stats = await getDeliveryStats({ actor: partnerB });
    expect(stats.perDay).toHaveLength(30);
    expect(stats.totals).toEqual({ CREATED: 1, ASSIGNED: 0, IN_TRANSIT: 1, COMPLETED: 0, FAILED: 0, CANCELLED: 0 });
    expect(stats.perDay.at(-1)!.day).toBe(new Date().toISOString().slice(0, 10));
    expect(stats.perDay.at(-1)!.counts).toEqual(stats.totals);
    const all = await getDeliveryStats({ actor: admin });
    expect(all.totals.CREATED).toBeGreaterThan(stats.totals.CREATED);
  });

  it("lists the deliveries stuck past the alert thresholds (the one definition), within scope", async () => {
    const { delivery } = await createDelivery({ actor: partnerB, input: deliveryPayload() as never });
    const ids = async (actor: typeof partnerA, now?: Date) =>
      (await listStuckDeliveries({ actor, now, limit: 1000 })).rows.map((d) => d.id);
    expect(await ids(partnerB)).not.toContain(delivery.id);
    const later = new Date(Date.now() + (env().STUCK_CREATED_AFTER_MINUTES + 1) * 60_000);
    expect(await ids(partnerB, later)).toContain(delivery.id);
    expect(await ids(partnerA, later)).not.toContain(delivery.id);
  });

  it("names the people in a timeline, hiding platform staff from partners", async () => {
    const { delivery } = await createDelivery({ actor: partnerA, input: deliveryPayload() as never });
    await startDelivery(admin, delivery.id, world.courier.id);
    const seenByPartner = await listTimeline({ actor: partnerA, id: delivery.id });
    expect(seenByPartner.map((e) => [e.to, e.actorName])).toEqual([
      ["CREATED", expect.stringContaining("alpha-")],
      ["ASSIGNED", "Delivery platform staff"],
      ["IN_TRANSIT", "Delivery platform staff"],
    ]);
    const seenByAdmin = await listTimeline({ actor: admin, id: delivery.id });
    expect(seenByAdmin.slice(1).map((e) => e.actorName)).toEqual([
      expect.stringContaining("admin-"),
      expect.stringContaining("admin-"),
    ]);
  });
});
