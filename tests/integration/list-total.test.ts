// The web table shows how many deliveries its view holds, counted once per page.
import { beforeAll, describe, expect, it } from "vitest";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { listDeliveriesQuerySchema } from "@/lib/deliveries/schemas";
import { actorsOf, createDeliveryAs, createWorld, type World } from "./support";

let world: World;

beforeAll(async () => {
  world = await createWorld();
  for (let i = 0; i < 3; i++) await createDeliveryAs({ apiKey: world.partnerA.apiKey });
});

describe("the total beside the pager", () => {
  it("counts the whole filtered view, not the page, and only in the caller's scope", async () => {
    const { partnerA, partnerB } = actorsOf(world);
    const query = listDeliveriesQuerySchema.parse({ limit: 2 });
    const page = await listDeliveries({ actor: partnerA, query, withTotal: true });
    expect(page.data).toHaveLength(2);
    expect(page.total).toEqual({ count: 3, capped: false });
    expect(page.atStart).toBe(true);

    const next = await listDeliveries({
      actor: partnerA,
      query: { ...query, cursor: page.nextCursor! },
      withTotal: true,
    });
    expect(next.data).toHaveLength(1);
    expect(next.total).toEqual({ count: 3, capped: false });
    expect(next.atStart).toBe(false);

    const other = await listDeliveries({ actor: partnerB, query, withTotal: true });
    expect(other.total).toEqual({ count: 0, capped: false });
  });

  it("is left out when not asked for (the API's lists)", async () => {
    const { partnerA } = actorsOf(world);
    const page = await listDeliveries({ actor: partnerA, query: listDeliveriesQuerySchema.parse({}) });
    expect(page.total).toBeNull();
  });
});
