// The deliveries table's listing (sorts, keyset pages both ways, scope), called as a use case.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { createDelivery } from "@/lib/deliveries/create-delivery";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { listDeliveriesQuerySchema, type DeliverySort } from "@/lib/deliveries/schemas";
import { actorsOf, createWorld, deliveryPayload, futureDate, type World } from "./support";

let world: World;
let partnerA: Actor;
let partnerB: Actor;

beforeAll(async () => {
  world = await createWorld();
  ({ partnerA, partnerB } = actorsOf(world));
});

describe("listing deliveries for the web table", () => {
  const tag = `SORT-${randomUUID().slice(0, 6)}`;
  const days = [5, 2, 9, 2, 7, 1, 5];
  beforeAll(async () => {
    for (const [i, d] of days.entries()) {
      await createDelivery({
        actor: partnerA,
        input: { ...deliveryPayload(), externalReference: `${tag}-${i}`, deliveryDate: futureDate(d) } as never,
      });
    }
  });

  async function walk(sort: DeliverySort, limit: number) {
    const pages: string[][] = [];
    const cursors: (string | undefined)[] = [undefined];
    for (let cursor: string | undefined = undefined, n = 0; n < 20; n++) {
      const page = await listDeliveries({
        actor: partnerA,
        query: listDeliveriesQuerySchema.parse({ q: tag, limit, cursor }),
        sort,
      });
      pages.push(page.data.map((d) => d.externalReference!));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
      cursors.push(cursor);
    }
    return { pages, cursors };
  }

  it("pages by delivery date in both directions without repeating or skipping rows", async () => {
    for (const dir of ["asc", "desc"] as const) {
      const { pages } = await walk({ by: "deliveryDate", dir }, 3);
      const seen = pages.flat();
      expect(seen).toHaveLength(days.length);
      expect(new Set(seen).size).toBe(days.length);
      const dates = seen.map((ref) => days[Number(ref.split("-").pop())]);
      const sorted = [...dates].sort((a, b) => (dir === "asc" ? a - b : b - a));
      expect(dates).toEqual(sorted);
    }
  });

  it("walks back from a later page to exactly the page before it", async () => {
    const sort: DeliverySort = { by: "deliveryDate", dir: "asc" };
    const { pages, cursors } = await walk(sort, 3);
    const second = await listDeliveries({
      actor: partnerA,
      query: listDeliveriesQuerySchema.parse({ q: tag, limit: 3, cursor: cursors[1] }),
      sort,
    });
    const back = await listDeliveries({
      actor: partnerA,
      query: listDeliveriesQuerySchema.parse({ q: tag, limit: 3, cursor: second.prevCursor! }),
      sort,
    });
    expect(back.data.map((d) => d.externalReference)).toEqual(pages[0]);
    expect(back.prevCursor).toBeNull();
    const third = await listDeliveries({
      actor: partnerA,
      query: listDeliveriesQuerySchema.parse({ q: tag, limit: 3, cursor: cursors[2] }),
      sort,
    });
    const backToSecond = await listDeliveries({
      actor: partnerA,
      query: listDeliveriesQuerySchema.parse({ q: tag, limit: 3, cursor: third.prevCursor! }),
      sort,
    });
    expect(backToSecond.data.map((d) => d.externalReference)).toEqual(pages[1]);
  });

  it("keeps the API's default: newest first, and another partner sees none of them", async () => {
    const { pages } = await walk({ by: "createdAt", dir: "desc" }, 100);
    expect(pages[0]).toEqual(days.map((_, i) => `${tag}-${i}`).reverse());
    const other = await listDeliveries({ actor: partnerB, query: listDeliveriesQuerySchema.parse({ q: tag }) });
    expect(other.data).toHaveLength(0);
  });

  it("rejects a cursor that was not issued by us, in the query schema and in the use case", async () => {
    const cursor = Buffer.from(JSON.stringify(["2030-01-01", "not-an-id"])).toString("base64url");
    expect(listDeliveriesQuerySchema.safeParse({ cursor }).error?.issues.map((i) => i.path.join("."))).toEqual([
      "cursor",
    ]);
    // A caller that skips the schema still cannot reach the database with it.
    const query = { ...listDeliveriesQuerySchema.parse({}), cursor };
    await expect(listDeliveries({ actor: partnerA, query })).rejects.toThrow(AppError);
  });
});
