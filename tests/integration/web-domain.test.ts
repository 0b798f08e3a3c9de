// The domain functions behind the web UI, against the real database and server.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/actor";
import { issueApiKey } from "@/lib/auth/api-keys";
import { createDelivery } from "@/lib/deliveries/create-delivery";
import { getDeliveryStats } from "@/lib/deliveries/get-delivery-stats";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { env } from "@/lib/env";
import { listStuckDeliveries } from "@/lib/deliveries/list-stuck-deliveries";
import { listTimeline } from "@/lib/deliveries/list-timeline";
import { listDeliveriesQuerySchema, type DeliverySort } from "@/lib/deliveries/schemas";
import { transitionDelivery } from "@/lib/deliveries/transition-delivery";
import { setPartnerActive } from "@/lib/partners/set-partner-active";
import { setUserActive } from "@/lib/users/set-user-active";
import { api, createWorld, deliveryPayload, futureDate, signIn, type World } from "./support";

let world: World;
let partnerA: Actor;
let partnerB: Actor;
let admin: Actor;

beforeAll(async () => {
  world = await createWorld();
  partnerA = {
    kind: "USER",
    id: world.partnerA.userId,
    role: "PARTNER",
    partnerId: world.partnerA.id,
    email: "a@test",
  };
  partnerB = {
    kind: "USER",
    id: world.partnerB.userId,
    role: "PARTNER",
    partnerId: world.partnerB.id,
    email: "b@test",
  };
  admin = { kind: "USER", id: world.admin.id, role: "ADMIN", partnerId: null, email: "admin@test" };
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

describe("overview numbers", () => {
  it("counts per status and per day, scoped to the caller's partner", async () => {
    const { delivery } = await createDelivery({ actor: partnerB, input: deliveryPayload() as never });
    await transitionDelivery({ actor: admin, id: delivery.id, input: { status: "IN_TRANSIT" } });
    const stats = await getDeliveryStats({ actor: partnerB });
    expect(stats.perDay).toHaveLength(30);
    expect(stats.totals.IN_TRANSIT).toBeGreaterThanOrEqual(1);
    expect(stats.perDay.at(-1)!.day).toBe(new Date().toISOString().slice(0, 10));
    expect(stats.perDay.at(-1)!.counts.IN_TRANSIT).toBe(stats.totals.IN_TRANSIT);
    const all = await getDeliveryStats({ actor: admin });
    expect(all.totals.CREATED).toBeGreaterThanOrEqual(stats.totals.CREATED);
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
    await transitionDelivery({ actor: admin, id: delivery.id, input: { status: "IN_TRANSIT" } });
    const seenByPartner = await listTimeline({ actor: partnerA, id: delivery.id });
    expect(seenByPartner.map((e) => e.actorName)).toEqual([
      expect.stringContaining("alpha-"),
      "Delivery platform staff",
    ]);
    const seenByAdmin = await listTimeline({ actor: admin, id: delivery.id });
    expect(seenByAdmin[1].actorName).toContain("admin-");
  });
});

describe("deactivation and keys", () => {
  it("a deactivated user cannot sign in and their open session stops working", async () => {
    const res = await api("GET", "/api/v1/deliveries", { as: { cookie: world.partnerB.cookie } });
    expect(res.status).toBe(200);
    await setUserActive({ actor: admin, input: { id: world.partnerB.userId, active: false } });
    expect((await api("GET", "/api/v1/deliveries", { as: { cookie: world.partnerB.cookie } })).status).toBe(401);
    await setUserActive({ actor: admin, input: { id: world.partnerB.userId, active: true } });
    expect((await api("GET", "/api/v1/deliveries", { as: { cookie: world.partnerB.cookie } })).status).toBe(200);
  });

  it("a deactivated partner's API keys and users stop working until it is reactivated", async () => {
    const world2 = await createWorld();
    const key = { apiKey: world2.partnerA.apiKey };
    await setPartnerActive({ input: { id: world2.partnerA.id, active: false } });
    expect((await api("GET", "/api/v1/deliveries", { as: key })).status).toBe(401);
    expect((await api("GET", "/api/v1/deliveries", { as: { cookie: world2.partnerA.cookie } })).status).toBe(401);
    await setPartnerActive({ input: { id: world2.partnerA.id, active: true } });
    expect((await api("GET", "/api/v1/deliveries", { as: key })).status).toBe(200);
  });

  it("refuses to let an admin deactivate their own account, and unknown ids are not found", async () => {
    await expect(setUserActive({ actor: admin, input: { id: admin.id, active: false } })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(setUserActive({ actor: admin, input: { id: randomUUID(), active: false } })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(setPartnerActive({ input: { id: randomUUID(), active: false } })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("a deactivated user's correct password no longer signs them in", async () => {
    const world3 = await createWorld();
    const { db } = await import("@/lib/db");
    const user = await db.user.findUniqueOrThrow({ where: { id: world3.partnerA.userId } });
    await setUserActive({ actor: admin, input: { id: user.id, active: false } });
    await expect(signIn(user.email, "correct-horse-battery")).rejects.toThrow(/Sign-in failed/);
  });

  it("a partner's new key is always for its own organisation, whatever the form said", async () => {
    const key = await issueApiKey({ actor: partnerA, input: { partnerId: world.partnerB.id, name: "sneaky" } });
    expect(key.partnerId).toBe(world.partnerA.id);
    await expect(issueApiKey({ actor: admin, input: { partnerId: randomUUID(), name: "x" } })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
