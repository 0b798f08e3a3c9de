// GET /api/v1/deliveries (DESIGN §6): scope, filters, limit bounds, and keyset pagination that
// neither skips nor repeats rows while new deliveries arrive.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  api,
  createDeliveryAs,
  createWorld,
  errorPaths,
  expectProblem,
  startAs,
  transitionAs,
  type Caller,
  type World,
} from "./support";
import { OPERATOR_ACTOR } from "@/lib/auth/actor";

let world: World;
let admin: Caller;
let keyA: Caller;
let userA: Caller;
let keyB: Caller;
const tag = randomUUID().slice(0, 6).toUpperCase();

type D = Awaited<ReturnType<typeof createDeliveryAs>>;
const fixtures: Record<"plain" | "inTransit" | "cancelled" | "failed" | "named" | "referenced", D> = {} as never;
let ofB: D;

beforeAll(async () => {
  world = await createWorld();
  admin = { cookie: world.admin.cookie };
  keyA = { apiKey: world.partnerA.apiKey };
  userA = { cookie: world.partnerA.cookie };
  keyB = { apiKey: world.partnerB.apiKey };
  fixtures.plain = await createDeliveryAs(keyA);
  fixtures.inTransit = await createDeliveryAs(keyA, { pickupAddress: `7 Quarry Lane ${tag}PICK, Ogdenville` });
  fixtures.cancelled = await createDeliveryAs(keyA, { dropoffAddress: `99 Harbour Rd ${tag}DROP, North Haverbrook` });
  fixtures.failed = await createDeliveryAs(keyA);
  fixtures.named = await createDeliveryAs(keyA, { recipientName: `Zebulon ${tag}Name Smith` });
  fixtures.referenced = await createDeliveryAs(userA, { externalReference: `PO-${tag}REF-77` });
  await startAs(admin, fixtures.inTransit.id, world.courier.id);
  await transitionAs(keyA, fixtures.cancelled.id, "CANCELLED");
  await transitionAs(admin, fixtures.failed.id, "FAILED", "Damaged");
  ofB = await createDeliveryAs(keyB, { recipientName: `Zebulon ${tag}Name Smith` });
});

async function list(as: Caller, query: string) {
  const res = await api("GET", `/api/v1/deliveries${query}`, { as });
  if (res.status !== 200) throw new Error(`list ${query} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { data: any[]; nextCursor: string | null };
}
const ids = (page: { data: any[] }) => page.data.map((d) => d.id);
const qs = (params: Record<string, string | string[]>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const value of [v].flat()) search.append(k, value);
  return `?${search}`;
};

describe("scope and shape", () => {
  it("lists a partner's deliveries newest first in the delivery representation", async () => {
    const page = await list(keyA, "?limit=100");
    expect(ids(page)).toEqual(
      [fixtures.plain, fixtures.inTransit, fixtures.cancelled, fixtures.failed, fixtures.named, fixtures.referenced]
        .map((d) => d.id)
        .reverse(),
    );
    expect(page.nextCursor).toBeNull();
    expect(Object.keys(page.data[0]).sort()).toEqual(
      [
        "id",
        "trackingCode",
        "status",
        "pickupAddress",
        "dropoffAddress",
        "recipientName",
        "recipientPhone",
        "recipientEmail",
        "productName",
        "packageWeightKg",
        "deliveryDate",
        "notes",
        "externalReference",
        "pickupWindow",
        "dropoffWindow",
        "late",
        "eta",
        "attempt",
        "partner",
        "assignee",
        "version",
        "createdAt",
        "updatedAt",
        "trackingUrl",
      ].sort(),
    );
    const inTransit = page.data.find((d) => d.id === fixtures.inTransit.id);
    expect(inTransit).toMatchObject({
      status: "IN_TRANSIT",
      version: 3,
      partner: { id: world.partnerA.id },
      assignee: { id: world.courier.id },
    });
  });

  it("does not let a partner widen its scope with partnerId", async () => {
    for (const as of [keyA, userA]) {
      const page = await list(as, qs({ partnerId: world.partnerB.id, limit: "100" }));
      expect(ids(page)).not.toContain(ofB.id);
      expect(new Set(page.data.map((d) => d.partner.id))).toEqual(new Set([world.partnerA.id]));
    }
  });

  it("lets an admin narrow the list to one partner with partnerId", async () => {
    const a = await list(admin, qs({ partnerId: world.partnerA.id, limit: "100" }));
    expect(ids(a).sort()).toEqual(
      Object.values(fixtures)
        .map((d) => d.id)
        .sort(),
    );
    const b = await list(admin, qs({ partnerId: world.partnerB.id, limit: "100" }));
    expect(ids(b)).toEqual([ofB.id]);
    expect((await list(admin, qs({ partnerId: randomUUID() }))).data).toEqual([]);
  });

  it("answers a malformed partnerId with 400", async () => {
    const res = await api("GET", "/api/v1/deliveries?partnerId=acme", { as: admin });
    expectProblem(res, 400);
    expect(errorPaths(res)).toEqual(["partnerId"]);
  });
});

describe("status filter", () => {
  it("keeps only the given status", async () => {
    expect(ids(await list(keyA, "?status=IN_TRANSIT"))).toEqual([fixtures.inTransit.id]);
    expect(ids(await list(keyA, "?status=FAILED"))).toEqual([fixtures.failed.id]);
    expect((await list(keyA, "?status=COMPLETED")).data).toEqual([]);
  });

  it("accepts the parameter repeated and matches any of the statuses", async () => {
    const page = await list(keyA, "?status=CANCELLED&status=IN_TRANSIT");
    expect(ids(page)).toEqual([fixtures.cancelled.id, fixtures.inTransit.id]);
    const created = await list(keyA, "?status=CREATED&status=FAILED&limit=100");
    expect(ids(created).sort()).toEqual(
      [fixtures.plain, fixtures.failed, fixtures.named, fixtures.referenced].map((d) => d.id).sort(),
    );
  });

  it("combines with partnerId for admins", async () => {
    expect(ids(await list(admin, qs({ status: "IN_TRANSIT", partnerId: world.partnerA.id })))).toEqual([
      fixtures.inTransit.id,
    ]);
    expect((await list(admin, qs({ status: "IN_TRANSIT", partnerId: world.partnerB.id }))).data).toEqual([]);
  });

  it("answers an unknown status with 400", async () => {
    const res = await api("GET", "/api/v1/deliveries?status=IN_TRANSIT&status=SHIPPED", { as: keyA });
    expectProblem(res, 400);
    expect(errorPaths(res).some((p) => p.startsWith("status"))).toBe(true);
  });
});

describe("q (search)", () => {
  it("finds a delivery by its whole tracking code and by a lower-case fragment of it", async () => {
    expect(ids(await list(keyA, qs({ q: fixtures.failed.trackingCode })))).toEqual([fixtures.failed.id]);
    expect(ids(await list(keyA, qs({ q: fixtures.failed.trackingCode.slice(2).toLowerCase() })))).toEqual([
      fixtures.failed.id,
    ]);
  });

  it("finds a delivery by its external reference, case-insensitively", async () => {
    expect(ids(await list(keyA, qs({ q: `${tag}ref`.toLowerCase() })))).toEqual([fixtures.referenced.id]);
  });

  it("finds a delivery by recipient name, only within the caller's scope", async () => {
    expect(ids(await list(keyA, qs({ q: `${tag}Name` })))).toEqual([fixtures.named.id]);
    expect(ids(await list(keyB, qs({ q: `${tag}Name` })))).toEqual([ofB.id]);
    expect(ids(await list(admin, qs({ q: `${tag}name` }))).sort()).toEqual([fixtures.named.id, ofB.id].sort());
  });

  it("finds a delivery by pickup address and by dropoff address", async () => {
    expect(ids(await list(keyA, qs({ q: `${tag}PICK` })))).toEqual([fixtures.inTransit.id]);
    expect(ids(await list(keyA, qs({ q: `${tag}drop` })))).toEqual([fixtures.cancelled.id]);
  });

  it("does not search fields outside the documented set (e.g. the recipient email)", async () => {
    const d = await createDeliveryAs(keyB, { recipientEmail: `${tag.toLowerCase()}hidden@example.com` });
    expect((await list(keyB, qs({ q: `${tag.toLowerCase()}hidden` }))).data).toEqual([]);
    expect(d.recipientEmail).toContain("hidden");
  });

  it("treats LIKE wildcards and backslashes in q as literal characters", async () => {
    const odd = await createDeliveryAs(keyB, { pickupAddress: `Unit 5_B\\2, 100% Lane ${tag}` });
    expect(ids(await list(keyB, qs({ q: "%" })))).toEqual([odd.id]);
    expect(ids(await list(keyB, qs({ q: "5_b\\2, 100%" })))).toEqual([odd.id]);
    expect(ids(await list(keyB, qs({ q: "_b\\" })))).toEqual([odd.id]);
    expect((await list(keyB, qs({ q: "5xb" }))).data).toEqual([]);
    expect((await list(keyB, qs({ q: "1%0" }))).data).toEqual([]);
    expect((await list(keyA, qs({ q: "%" }))).data).toEqual([]);
    expect((await list(keyA, qs({ q: "____" }))).data).toEqual([]);
  });

  it("combines q with a status filter", async () => {
    expect(ids(await list(keyA, qs({ q: `${tag}PICK`, status: "IN_TRANSIT" })))).toEqual([fixtures.inTransit.id]);
    expect((await list(keyA, qs({ q: `${tag}PICK`, status: "CREATED" }))).data).toEqual([]);
  });

  it("answers a q longer than 100 characters with 400", async () => {
    const res = await api("GET", `/api/v1/deliveries${qs({ q: "x".repeat(101) })}`, { as: keyA });
    expectProblem(res, 400);
    expect(errorPaths(res)).toEqual(["q"]);
  });
});

describe("from / to (createdAt)", () => {
  it("includes rows created at or after `from` and at or before `to`", async () => {
    const first = fixtures.plain.createdAt;
    const last = fixtures.referenced.createdAt;
    const all = await list(keyA, qs({ from: first, to: last, limit: "100" }));
    expect(all.data).toHaveLength(6);
    const afterFirst = await list(keyA, qs({ from: fixtures.inTransit.createdAt, limit: "100" }));
    expect(ids(afterFirst)).not.toContain(fixtures.plain.id);
    expect(ids(afterFirst)).toContain(fixtures.inTransit.id);
    const upToFirst = await list(keyA, qs({ to: first, limit: "100" }));
    expect(ids(upToFirst)).toEqual([fixtures.plain.id]);
  });

  it("treats a bare `to` date as the whole day and a bare `from` date as its start", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await list(keyA, qs({ from: today, to: today, limit: "100" }))).data.length).toBe(6);
    expect((await list(keyA, qs({ from: tomorrow }))).data).toEqual([]);
    expect((await list(keyA, qs({ to: yesterday }))).data).toEqual([]);
  });

  it("accepts date-times with an offset", async () => {
    // One second before partner A's first delivery, written in +02:00.
    const instant = new Date(Date.parse(fixtures.plain.createdAt) - 1000);
    const local = new Date(instant.getTime() + 2 * 3_600_000).toISOString().slice(0, 19);
    const iso = `${local}+02:00`;
    expect(Date.parse(iso)).toBe(Math.floor(instant.getTime() / 1000) * 1000);
    expect((await list(keyA, qs({ from: iso, limit: "100" }))).data).toHaveLength(6);
    expect((await list(keyA, qs({ to: iso, limit: "100" }))).data).toEqual([]);
  });

  it.each(["yesterday", "2030-13-01", "2030-01-01T25:00:00Z", "1700000000"])(
    "answers from=%s with 400",
    async (from) => {
      const res = await api("GET", `/api/v1/deliveries${qs({ from })}`, { as: keyA });
      expectProblem(res, 400);
      expect(errorPaths(res)).toEqual(["from"]);
    },
  );
});

/** A partner with only an API key (no sign-in needed) and `n` deliveries created one after another. */
async function partnerWith(n: number) {
  const { createPartner } = await import("@/lib/partners/create-partner");
  const { createApiKey } = await import("@/lib/auth/api-keys");
  const partner = await createPartner({ actor: OPERATOR_ACTOR, input: { name: `Paging ${randomUUID().slice(0, 8)}` } });
  const key: Caller = { apiKey: (await createApiKey({ partnerId: partner.id })).secret };
  const created: D[] = [];
  for (let i = 0; i < n; i++) created.push(await createDeliveryAs(key));
  return { partner, key, created };
}

describe("limit", () => {
  let paging: Awaited<ReturnType<typeof partnerWith>>;
  beforeAll(async () => {
    paging = await partnerWith(21);
  });

  it("defaults to 20 with a cursor to the rest", async () => {
    const page = await list(paging.key, "");
    expect(page.data).toHaveLength(20);
    expect(page.nextCursor).toEqual(expect.any(String));
    const rest = await list(paging.key, qs({ cursor: page.nextCursor! }));
    expect(ids(rest)).toEqual([paging.created[0].id]);
    expect(rest.nextCursor).toBeNull();
  });

  it("honours the bounds 1 and 100", async () => {
    const one = await list(paging.key, "?limit=1");
    expect(ids(one)).toEqual([paging.created[20].id]);
    expect(one.nextCursor).not.toBeNull();
    const hundred = await list(paging.key, "?limit=100");
    expect(hundred.data).toHaveLength(21);
    expect(hundred.nextCursor).toBeNull();
  });

  it.each(["0", "101", "-1", "abc", "1.5", ""])("answers limit=%s with 400 naming limit", async (limit) => {
    const res = await api("GET", `/api/v1/deliveries?limit=${limit}`, { as: paging.key });
    expectProblem(res, 400);
    expect(errorPaths(res)).toEqual(["limit"]);
  });
});

describe("cursor pagination", () => {
  it("pages without gaps or repeats while new deliveries are inserted", async () => {
    const { key, created } = await partnerWith(25);
    const expected = created.map((d) => d.id).reverse();
    const seen: string[] = [];
    const inserted: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(key, qs(cursor ? { limit: "5", cursor } : { limit: "5" }));
      seen.push(...ids(page));
      cursor = page.nextCursor;
      pages++;
      // Newer rows arrive between page requests; they sort before the cursor and must not disturb it.
      for (const d of await Promise.all([createDeliveryAs(key), createDeliveryAs(key)])) inserted.push(d.id);
    } while (cursor && pages < 20);
    expect(pages).toBe(5);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);

    const fresh: string[] = [];
    cursor = null;
    do {
      const page = await list(key, qs(cursor ? { limit: "7", cursor } : { limit: "7" }));
      fresh.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(fresh).toHaveLength(25 + inserted.length);
    expect(new Set(fresh).size).toBe(fresh.length);
    expect(fresh.slice(inserted.length)).toEqual(expected);
  });

  it("breaks ties on identical createdAt by id, so no row is skipped or repeated", async () => {
    const { partner, key, created } = await partnerWith(7);
    await db.delivery.updateMany({
      where: { partnerId: partner.id },
      data: { createdAt: new Date("2030-01-01T00:00:00.000Z") },
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(key, qs(cursor ? { limit: "2", cursor } : { limit: "2" }));
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(
      created
        .map((d) => d.id)
        .sort()
        .reverse(),
    );
  });

  it("pages through a status-filtered list", async () => {
    const { key, created } = await partnerWith(9);
    const cancelled = created.filter((_, i) => i % 2 === 0);
    for (const d of cancelled) await transitionAs(key, d.id, "CANCELLED");
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(
        key,
        qs(cursor ? { status: "CANCELLED", limit: "2", cursor } : { status: "CANCELLED", limit: "2" }),
      );
      expect(page.data.every((d) => d.status === "CANCELLED")).toBe(true);
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(cancelled.map((d) => d.id).reverse());
  });

  const b64 = (value: unknown) =>
    Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
  it.each([
    ["garbage", "not a cursor!"],
    ["base64 of non-JSON", b64("hello")],
    ["an object instead of a pair", b64({ createdAt: "2030-01-01T00:00:00.000Z" })],
    ["an invalid date", b64(["not-a-date", randomUUID()])],
    ["an invalid id", b64([new Date().toISOString(), "1; DROP TABLE"])],
    ["a number", b64(42)],
    ["over 200 characters", "A".repeat(201)],
  ])("answers a cursor that is %s with 400 naming cursor", async (_label, cursor) => {
    const res = await api("GET", `/api/v1/deliveries${qs({ cursor })}`, { as: keyA });
    expectProblem(res, 400);
    expect(errorPaths(res)).toEqual(["cursor"]);
  });
});
