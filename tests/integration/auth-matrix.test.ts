// Who may call what (DESIGN §2, §6): every route × every caller, scope (another partner's rows
// answer 404, never 403), revoked/unknown keys, deactivated users, and key usage tracking.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import {
  api,
  callers,
  createDeliveryAs,
  createWorld,
  deliveryPayload,
  expectProblem,
  signIn,
  type Caller,
  type World,
} from "./support";

let world: World;
let who: ReturnType<typeof callers>;
/** A CREATED delivery of partner A, only read (never transitioned) by this file. */
let deliveryOfA: Awaited<ReturnType<typeof createDeliveryAs>>;

beforeAll(async () => {
  world = await createWorld();
  who = callers(world);
  deliveryOfA = await createDeliveryAs(who.partnerAKey);
});

type CallerName = keyof ReturnType<typeof callers>;
const UNAUTHENTICATED: CallerName[] = ["anonymous", "revokedKey", "unknownKey"];

describe("POST /api/v1/deliveries", () => {
  it.each(UNAUTHENTICATED)("answers 401 to %s and creates nothing", async (name) => {
    const payload = deliveryPayload();
    const res = await api("POST", "/api/v1/deliveries", { as: who[name], json: payload });
    const problem = expectProblem(res, 401);
    expect(problem.type).toBe("/problems/unauthenticated");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await db.delivery.count({ where: { externalReference: payload.externalReference } })).toBe(0);
  });

  it.each<[CallerName, "partnerA" | "partnerB"]>([
    ["partnerAUser", "partnerA"],
    ["partnerAKey", "partnerA"],
    ["partnerBUser", "partnerB"],
    ["partnerBKey", "partnerB"],
  ])("lets %s create a delivery for its own partner", async (name, partner) => {
    const res = await api("POST", "/api/v1/deliveries", { as: who[name], json: deliveryPayload() });
    expect(res.status).toBe(201);
    expect(res.body.partner.id).toBe(world[partner].id);
    expect(res.body.status).toBe("CREATED");
    const row = await db.delivery.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.partnerId).toBe(world[partner].id);
    expect(row.createdByKind).toBe(name.endsWith("Key") ? "API_KEY" : "USER");
  });

  it("records the API key or the user as the creator", async () => {
    const byKey = await createDeliveryAs(who.partnerAKey);
    const byUser = await createDeliveryAs(who.partnerAUser);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: byKey.id } })).createdById).toBe(
      world.partnerA.apiKeyId,
    );
    expect((await db.delivery.findUniqueOrThrow({ where: { id: byUser.id } })).createdById).toBe(world.partnerA.userId);
  });

  it("refuses admins with 403: they see deliveries but do not create on a partner's behalf", async () => {
    const payload = deliveryPayload();
    const res = await api("POST", "/api/v1/deliveries", { as: who.admin, json: payload });
    expect(expectProblem(res, 403).type).toBe("/problems/forbidden");
    expect(await db.delivery.count({ where: { externalReference: payload.externalReference } })).toBe(0);
  });
});

describe("GET /api/v1/deliveries", () => {
  it.each(UNAUTHENTICATED)("answers 401 to %s", async (name) => {
    expectProblem(await api("GET", "/api/v1/deliveries", { as: who[name] }), 401);
  });

  it.each<[CallerName, "partnerA" | "partnerB"]>([
    ["partnerAUser", "partnerA"],
    ["partnerAKey", "partnerA"],
    ["partnerBUser", "partnerB"],
    ["partnerBKey", "partnerB"],
  ])("shows %s only its own partner's deliveries", async (name, partner) => {
    const res = await api("GET", "/api/v1/deliveries?limit=100", { as: who[name] });
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(new Set(res.body.data.map((d: any) => d.partner.id))).toEqual(new Set([world[partner].id]));
    const ids = res.body.data.map((d: any) => d.id);
    expect(ids.includes(deliveryOfA.id)).toBe(partner === "partnerA");
  });

  it("shows admins the deliveries of every partner", async () => {
    const res = await api("GET", "/api/v1/deliveries?limit=100", { as: who.admin });
    expect(res.status).toBe(200);
    const partners = new Set(res.body.data.map((d: any) => d.partner.id));
    expect(partners.has(world.partnerA.id)).toBe(true);
    expect(partners.has(world.partnerB.id)).toBe(true);
  });
});

describe("GET /api/v1/deliveries/{id}", () => {
  it.each(UNAUTHENTICATED)("answers 401 to %s", async (name) => {
    expectProblem(await api("GET", `/api/v1/deliveries/${deliveryOfA.id}`, { as: who[name] }), 401);
  });

  it.each<CallerName>(["partnerAUser", "partnerAKey", "admin"])(
    "returns the delivery with its ETag to %s",
    async (name) => {
      const res = await api("GET", `/api/v1/deliveries/${deliveryOfA.id}`, { as: who[name] });
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(deliveryOfA.id);
      expect(res.headers.get("etag")).toBe(`"${res.body.version}"`);
    },
  );

  it.each<CallerName>(["partnerBUser", "partnerBKey"])(
    "answers %s with the same 404 as for an id that does not exist",
    async (name) => {
      const other = await api("GET", `/api/v1/deliveries/${deliveryOfA.id}`, { as: who[name] });
      const missing = await api("GET", `/api/v1/deliveries/${randomUUID()}`, { as: who[name] });
      const a = expectProblem(other, 404);
      const b = expectProblem(missing, 404);
      expect(a.type).toBe("/problems/not-found");
      expect({ ...a, instance: undefined }).toEqual({ ...b, instance: undefined });
      expect(JSON.stringify(other.body)).not.toContain(deliveryOfA.trackingCode);
    },
  );
});

describe("GET /api/v1/deliveries/{id}/events", () => {
  it.each(UNAUTHENTICATED)("answers 401 to %s", async (name) => {
    expectProblem(await api("GET", `/api/v1/deliveries/${deliveryOfA.id}/events`, { as: who[name] }), 401);
  });

  it.each<CallerName>(["partnerAUser", "partnerAKey", "admin"])("returns the history to %s", async (name) => {
    const res = await api("GET", `/api/v1/deliveries/${deliveryOfA.id}/events`, { as: who[name] });
    expect(res.status).toBe(200);
    expect(res.body.data.map((e: any) => [e.from, e.to])).toEqual([[null, "CREATED"]]);
  });

  it.each<CallerName>(["partnerBUser", "partnerBKey"])(
    "answers %s with 404 for another partner's delivery",
    async (name) => {
      expectProblem(await api("GET", `/api/v1/deliveries/${deliveryOfA.id}/events`, { as: who[name] }), 404);
    },
  );
});

describe("POST /api/v1/deliveries/{id}/status", () => {
  const cancel = (as: Caller, id: string, headers?: Record<string, string>) =>
    api("POST", `/api/v1/deliveries/${id}/status`, { as, json: { status: "CANCELLED" }, headers });

  it.each(UNAUTHENTICATED)("answers 401 to %s and leaves the delivery alone", async (name) => {
    const d = await createDeliveryAs(who.partnerAKey);
    expectProblem(await cancel(who[name], d.id), 401);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("CREATED");
  });

  it.each<CallerName>(["partnerAUser", "partnerAKey", "admin"])(
    "lets %s cancel partner A's CREATED delivery",
    async (name) => {
      const d = await createDeliveryAs(who.partnerAUser);
      const res = await cancel(who[name], d.id);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe("CANCELLED");
    },
  );

  it.each<CallerName>(["partnerBUser", "partnerBKey"])(
    "answers %s with 404 (not 403) for partner A's delivery and leaves it alone",
    async (name) => {
      const d = await createDeliveryAs(who.partnerAKey);
      for (const status of ["CANCELLED", "IN_TRANSIT"]) {
        const res = await api("POST", `/api/v1/deliveries/${d.id}/status`, { as: who[name], json: { status } });
        expect(expectProblem(res, 404).type).toBe("/problems/not-found");
      }
      const row = await db.delivery.findUniqueOrThrow({ where: { id: d.id } });
      expect([row.status, row.version]).toEqual(["CREATED", 1]);
    },
  );

  it.each<CallerName>(["partnerAUser", "partnerAKey"])(
    "answers %s with 403 for a transition it may not make on a delivery it can see",
    async (name) => {
      const d = await createDeliveryAs(who.partnerAKey);
      const res = await api("POST", `/api/v1/deliveries/${d.id}/status`, {
        as: who[name],
        json: { status: "IN_TRANSIT" },
      });
      expect(expectProblem(res, 403).type).toBe("/problems/forbidden");
      const row = await db.delivery.findUniqueOrThrow({ where: { id: d.id } });
      expect([row.status, row.version]).toEqual(["CREATED", 1]);
    },
  );
});

describe("routes out of the caller's reach", () => {
  // DESIGN §2: what a caller may not see answers 404, never 403 — the same 404 as a path that
  // does not exist, so a partner cannot even tell that an admin endpoint is there.
  const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined });

  it.each<[CallerName, string, string]>([
    ["partnerAUser", "GET", "/api/v1/admin/outbox"],
    ["partnerAKey", "GET", "/api/v1/admin/outbox"],
    ["partnerBUser", "POST", "/api/v1/admin/outbox/retry"],
    ["partnerAKey", "POST", "/api/v1/admin/outbox/retry"],
    ["partnerAKey", "GET", "/api/v1/notifications"],
    ["partnerAKey", "GET", "/api/v1/notifications/unread-count"],
    ["partnerAKey", "POST", "/api/v1/notifications/read-all"],
  ])("answers %s on %s %s exactly like an unknown path", async (name, method, path) => {
    const json = method === "POST" ? {} : undefined;
    const res = await api(method, path, { as: who[name], json });
    const unknown = await api(method, "/api/v1/no-such-endpoint", { as: who[name], json });
    expect(expectProblem(res, 404).type).toBe("/problems/not-found");
    expect(strip(res.body)).toEqual(strip(unknown.body));
  });

  it("still answers 403 to a caller who sees the resource but may not act on it", async () => {
    const res = await api("POST", "/api/v1/deliveries", { as: who.admin, json: deliveryPayload() });
    expect(expectProblem(res, 403).detail).toBe("You may not perform this action.");
  });
});

describe("public routes", () => {
  const everyone: CallerName[] = [
    "anonymous",
    "partnerAUser",
    "partnerAKey",
    "partnerBUser",
    "partnerBKey",
    "admin",
    "revokedKey",
    "unknownKey",
  ];

  it.each(everyone)("serve public tracking to %s", async (name) => {
    const res = await api("GET", `/api/v1/tracking/${deliveryOfA.trackingCode}`, { as: who[name] });
    expect(res.status).toBe(200);
    expect(res.body.trackingCode).toBe(deliveryOfA.trackingCode);
  });

  it.each(everyone)("serve the OpenAPI document, the docs page and health to %s", async (name) => {
    const doc = await api("GET", "/api/v1/openapi.json", { as: who[name] });
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe("3.1.0");
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(["/api/v1/deliveries", "/api/v1/deliveries/{id}", "/api/v1/deliveries/{id}/status"]),
    );
    const docs = await api("GET", "/api/v1/docs", { as: who[name] });
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toMatch(/^text\/html/);
    expect(docs.body).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)[^"']*\.(js|css)/);
    const health = await api("GET", "/api/health", { as: who[name] });
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: "ok", db: "ok" });
  });
});

describe("credentials", () => {
  it("rejects a malformed Authorization header with 401 even when a valid session cookie is sent", async () => {
    for (const authorization of [
      "Basic dXNlcjpwYXNz",
      "Bearer",
      `Bearer ${world.partnerA.apiKey} extra`,
      "Bearer not-a-key",
    ]) {
      const res = await api("GET", "/api/v1/deliveries", {
        as: { cookie: world.partnerA.cookie },
        headers: { authorization },
      });
      expectProblem(res, 401);
    }
  });

  it("rejects a revoked key of a partner whose other key still works", async () => {
    expectProblem(await api("GET", "/api/v1/deliveries", { as: { apiKey: world.revokedKey } }), 401);
    expect((await api("GET", "/api/v1/deliveries", { as: { apiKey: world.partnerA.apiKey } })).status).toBe(200);
  });

  it("rejects a tampered session cookie with 401", async () => {
    const [name, value] = world.partnerA.cookie.split("=");
    const tampered = `${name}=${value.slice(0, -4)}AAAA`;
    expectProblem(await api("GET", "/api/v1/deliveries", { as: { cookie: tampered } }), 401);
  });

  it("records when an API key was last used", async () => {
    const key = await createApiKey({ partnerId: world.partnerA.id, name: "usage" });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toBeNull();
    const before = Date.now();
    expect((await api("GET", "/api/v1/deliveries?limit=1", { as: { apiKey: key.secret } })).status).toBe(200);
    const { lastUsedAt } = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(lastUsedAt).not.toBeNull();
    expect(lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(lastUsedAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("stops honouring a deactivated user's session at once", async () => {
    const tag = randomUUID().slice(0, 8);
    const { createUser } = await import("@/lib/users/create-user");
    const user = await createUser({
      email: `gone-${tag}@test.example`,
      password: "correct-horse-battery",
      role: "PARTNER",
      partnerId: world.partnerA.id,
    });
    const session = await signIn(user.email, "correct-horse-battery");
    expect((await api("GET", "/api/v1/deliveries", { as: session })).status).toBe(200);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expectProblem(await api("GET", "/api/v1/deliveries", { as: session }), 401);
    expectProblem(await api("POST", "/api/v1/deliveries", { as: session, json: deliveryPayload() }), 401);
    expectProblem(await api("GET", `/api/v1/deliveries/${deliveryOfA.id}`, { as: session }), 401);
  });

  it("stops honouring the session and the API keys of a deactivated partner", async () => {
    const { createPartner } = await import("@/lib/partners/create-partner");
    const { createUser } = await import("@/lib/users/create-user");
    const partner = await createPartner({ name: `Gamma ${randomUUID().slice(0, 8)}` });
    const user = await createUser({
      email: `gamma-${randomUUID().slice(0, 8)}@test.example`,
      password: "correct-horse-battery",
      role: "PARTNER",
      partnerId: partner.id,
    });
    const key = await createApiKey({ partnerId: partner.id });
    const session = await signIn(user.email, "correct-horse-battery");
    expect((await api("GET", "/api/v1/deliveries", { as: session })).status).toBe(200);
    expect((await api("GET", "/api/v1/deliveries", { as: { apiKey: key.secret } })).status).toBe(200);
    await db.partner.update({ where: { id: partner.id }, data: { active: false } });
    expectProblem(await api("GET", "/api/v1/deliveries", { as: session }), 401);
    expectProblem(await api("GET", "/api/v1/deliveries", { as: { apiKey: key.secret } }), 401);
  });
});

describe("every response", () => {
  it("carries an X-Request-Id, echoing a well-formed one sent by the client", async () => {
    const responses = await Promise.all([
      api("GET", "/api/health"),
      api("GET", "/api/v1/deliveries", { as: who.partnerAKey }),
      api("GET", "/api/v1/deliveries"),
      api("GET", `/api/v1/deliveries/${randomUUID()}`, { as: who.admin }),
      api("GET", "/api/v1/tracking/DLV-NOPE"),
      api("POST", "/api/v1/deliveries", {
        as: who.partnerAKey,
        body: "{",
        headers: { "content-type": "application/json" },
      }),
    ]);
    for (const res of responses) expect(res.headers.get("x-request-id")).toMatch(/^[\w.:-]{8,128}$/);
    const ids = responses.map((r) => r.headers.get("x-request-id"));
    expect(new Set(ids).size).toBe(ids.length);

    const echoed = await api("GET", "/api/v1/deliveries", {
      as: who.partnerAKey,
      headers: { "x-request-id": "client-req.42" },
    });
    expect(echoed.headers.get("x-request-id")).toBe("client-req.42");
    const problem = await api("GET", "/api/v1/deliveries", { headers: { "x-request-id": "client-req.43" } });
    expect(problem.headers.get("x-request-id")).toBe("client-req.43");
    expect(expectProblem(problem, 401).instance).toBe("urn:request:client-req.43");
    const refused = await api("GET", "/api/health", { headers: { "x-request-id": "has spaces <script>" } });
    expect(refused.headers.get("x-request-id")).not.toBe("has spaces <script>");
    expect(refused.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
