// Authorisation matrix (issue 5 §3): every route handler under app/api and every page under app/,
// discovered from the file tree, × every kind of caller. A route or page without an entry here
// fails the suite until someone decides who may call it.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { discoverApiRoutes, discoverPages } from "./matrix/discover";
import { api, callers, createDeliveryAs, createWorld, deliveryPayload, type Caller } from "./support";

const CALLERS = ["anonymous", "partnerUser", "partnerKey", "otherPartner", "admin", "revokedKey"] as const;
type CallerKind = (typeof CALLERS)[number];
type Statuses = Record<CallerKind, number>;
type PageStatuses = Record<CallerKind, number | string>;

interface Fixtures {
  as: Record<CallerKind, Caller>;
  /** A CREATED delivery of the partner ("partnerUser", "partnerKey"); others must not see it. */
  delivery: { id: string; trackingCode: string };
  freshDelivery(): Promise<{ id: string }>;
  /** An email in the log, which only admins may read. */
  emailId: string;
}

interface Probe {
  path: string;
  json?: unknown;
}

const all = (status: number): Statuses => Object.fromEntries(CALLERS.map((c) => [c, status])) as Statuses;
/** Signed-in partner (user or key) and admin may; another partner sees 404; the rest 401. */
const scoped = (ok: number, overrides: Partial<Statuses> = {}): Statuses => ({
  anonymous: 401,
  partnerUser: ok,
  partnerKey: ok,
  otherPartner: 404,
  admin: ok,
  revokedKey: 401,
  ...overrides,
});

/** Out of reach answers 404, never 403 (DESIGN §2): the route does not exist for that caller. */
const adminOnly: Statuses = {
  anonymous: 401,
  partnerUser: 404,
  partnerKey: 404,
  otherPartner: 404,
  admin: 200,
  revokedKey: 401,
};
const usersOnly = (ok: number): Statuses => ({
  anonymous: 401,
  partnerUser: ok,
  partnerKey: 404,
  otherPartner: ok,
  admin: ok,
  revokedKey: 401,
});

const API: Record<string, { probe: (fx: Fixtures) => Probe | Promise<Probe>; expect: Statuses }> = {
  "GET /api/health": { probe: () => ({ path: "/api/health" }), expect: all(200) },
  "GET /api/v1/openapi.json": { probe: () => ({ path: "/api/v1/openapi.json" }), expect: all(200) },
  "GET /api/v1/docs": { probe: () => ({ path: "/api/v1/docs" }), expect: all(200) },
  "GET /api/v1/docs/[asset]": { probe: () => ({ path: "/api/v1/docs/init.js" }), expect: all(200) },
  "GET /api/v1/tracking/[trackingCode]": {
    probe: (fx) => ({ path: `/api/v1/tracking/${fx.delivery.trackingCode}` }),
    expect: all(200),
  },
  "GET /api/v1/deliveries": {
    probe: () => ({ path: "/api/v1/deliveries" }),
    expect: scoped(200, { otherPartner: 200 }),
  },
  "GET /api/v1/deliveries.csv": {
    probe: () => ({ path: "/api/v1/deliveries.csv" }),
    expect: scoped(200, { otherPartner: 200 }),
  },
  "POST /api/v1/deliveries": {
    probe: () => ({ path: "/api/v1/deliveries", json: deliveryPayload() }),
    expect: scoped(201, { otherPartner: 201, admin: 403 }),
  },
  "GET /api/v1/deliveries/[id]": {
    probe: (fx) => ({ path: `/api/v1/deliveries/${fx.delivery.id}` }),
    expect: scoped(200),
  },
  "GET /api/v1/deliveries/[id]/events": {
    probe: (fx) => ({ path: `/api/v1/deliveries/${fx.delivery.id}/events` }),
    expect: scoped(200),
  },
  "POST /api/v1/deliveries/[id]/status": {
    probe: async (fx) => ({
      path: `/api/v1/deliveries/${(await fx.freshDelivery()).id}/status`,
      json: { status: "CANCELLED" },
    }),
    expect: scoped(200),
  },
  // Auth.js itself: the session endpoint answers everyone; a POST without its CSRF token is
  // turned away with a redirect to the sign-in error page, whoever sends it.
  "GET /api/auth/[...nextauth]": { probe: () => ({ path: "/api/auth/session" }), expect: all(200) },
  "POST /api/auth/[...nextauth]": { probe: () => ({ path: "/api/auth/signout", json: {} }), expect: all(302) },
  // Background work: admins only.
  "GET /api/v1/admin/outbox": { probe: () => ({ path: "/api/v1/admin/outbox" }), expect: adminOnly },
  "POST /api/v1/admin/outbox/retry": {
    probe: () => ({ path: "/api/v1/admin/outbox/retry", json: {} }),
    expect: adminOnly,
  },
  // In-app notifications belong to people: an API key finds no such route; someone else's id is a 404.
  "GET /api/v1/notifications": { probe: () => ({ path: "/api/v1/notifications" }), expect: usersOnly(200) },
  "GET /api/v1/notifications/unread-count": {
    probe: () => ({ path: "/api/v1/notifications/unread-count" }),
    expect: usersOnly(200),
  },
  "POST /api/v1/notifications/[id]/read": {
    probe: () => ({ path: `/api/v1/notifications/${randomUUID()}/read`, json: {} }),
    expect: usersOnly(404),
  },
  "POST /api/v1/notifications/read-all": {
    probe: () => ({ path: "/api/v1/notifications/read-all", json: {} }),
    expect: usersOnly(200),
  },
  // Inngest's endpoint answers only requests signed with the signing key, whoever else calls
  // (registration included: unsigned, it would make the SDK call out to Inngest).
  "GET /api/inngest": { probe: () => ({ path: "/api/inngest" }), expect: all(401) },
  "POST /api/inngest": { probe: () => ({ path: "/api/inngest", json: {} }), expect: all(401) },
  "PUT /api/inngest": { probe: () => ({ path: "/api/inngest", json: {} }), expect: all(401) },
  // Unknown API paths: a problem+json 404 for every method.
  ...Object.fromEntries(
    ["GET", "POST", "PUT", "PATCH", "DELETE"].map((m) => [
      `${m} /api/[...path]`,
      { probe: () => ({ path: "/api/v1/no-such-thing" }), expect: all(404) },
    ]),
  ),
};

/**
 * Pages, as status, "redirect <path>" or "not found": public ones answer everyone; private ones send the
 * signed-out to sign in (an API key is no page session); another partner's records answer 404.
 */
const TO_SIGN_IN = "redirect /sign-in";
const NOT_FOUND = "not found";
/** Signed-in people are sent on to their deliveries. */
const TO_HOME = {
  partnerUser: "redirect /deliveries",
  otherPartner: "redirect /deliveries",
  admin: "redirect /deliveries",
};
const PRIVATE: PageStatuses = {
  anonymous: TO_SIGN_IN,
  partnerUser: 200,
  partnerKey: TO_SIGN_IN,
  otherPartner: 200,
  admin: 200,
  revokedKey: TO_SIGN_IN,
};
const ADMIN_PAGE: PageStatuses = { ...PRIVATE, partnerUser: NOT_FOUND, otherPartner: NOT_FOUND };
const PAGES: Record<string, { probe: (fx: Fixtures) => string; expect: PageStatuses }> = {
  "/": { probe: () => "/", expect: { ...PRIVATE, ...TO_HOME } },
  "/sign-in": { probe: () => "/sign-in", expect: { ...all(200), ...TO_HOME } },
  "/deliveries": { probe: () => "/deliveries", expect: PRIVATE },
  "/notifications": { probe: () => "/notifications", expect: PRIVATE },
  "/admin": { probe: () => "/admin", expect: ADMIN_PAGE },
  "/admin/partners": { probe: () => "/admin/partners", expect: ADMIN_PAGE },
  "/deliveries/[id]": {
    probe: (fx) => `/deliveries/${fx.delivery.id}`,
    expect: { ...PRIVATE, otherPartner: NOT_FOUND },
  },
  // Admins do not create deliveries on a partner's behalf (DESIGN §2).
  "/deliveries/new": { probe: () => "/deliveries/new", expect: { ...PRIVATE, admin: NOT_FOUND } },
  "/settings/api-keys": { probe: () => "/settings/api-keys", expect: PRIVATE },
  "/track/[trackingCode]": { probe: (fx) => `/track/${fx.delivery.trackingCode}`, expect: all(200) },
  // A partner's own endpoint; an admin picks a partner first (a bare visit finds none).
  "/settings/webhook": { probe: () => "/settings/webhook", expect: { ...PRIVATE, admin: NOT_FOUND } },
  "/admin/emails": { probe: () => "/admin/emails", expect: ADMIN_PAGE },
  "/admin/emails/[id]": { probe: (fx) => `/admin/emails/${fx.emailId}`, expect: ADMIN_PAGE },
  "/admin/runs": { probe: () => "/admin/runs", expect: ADMIN_PAGE },
};

const appDir = path.resolve(import.meta.dirname, "../../app");
let fx: Fixtures;

beforeAll(async () => {
  const world = await createWorld();
  const who = callers(world);
  const as: Record<CallerKind, Caller> = {
    anonymous: null,
    partnerUser: who.partnerAUser,
    partnerKey: who.partnerAKey,
    otherPartner: who.partnerBUser,
    admin: who.admin,
    revokedKey: who.revokedKey,
  };
  const delivery = await createDeliveryAs(who.partnerAKey);
  const email = await db.emailMessage.create({
    data: {
      idempotencyKey: `matrix-${randomUUID()}`,
      to: "ops@test.example",
      template: "matrix",
      subject: "Matrix",
      html: "<p>m</p>",
      text: "m",
      status: "LOGGED",
    },
  });
  fx = { as, delivery, freshDelivery: () => createDeliveryAs(who.partnerAKey), emailId: email.id };
});

/** The table covers exactly what the file tree has: nothing missing, nothing stale. */
function expectSameEntries(discovered: string[], table: Record<string, unknown>, name: string) {
  expect(
    discovered.filter((entry) => !(entry in table)),
    `found in app/ but missing from ${name}`,
  ).toEqual([]);
  expect(
    Object.keys(table).filter((entry) => !discovered.includes(entry)),
    `in ${name} but gone from app/`,
  ).toEqual([]);
}

describe("API routes × callers", () => {
  const discovered = discoverApiRoutes(appDir);

  it("has an expectation for every route handler in app/api, and none for a route that is gone", () => {
    expectSameEntries(discovered, API, "API");
  });

  it.each(discovered.filter((r) => r in API))("%s answers each caller as expected", async (route) => {
    const method = route.split(" ")[0];
    const actual = {} as Statuses;
    for (const caller of CALLERS) {
      const probe = await API[route].probe(fx);
      actual[caller] = (await api(method, probe.path, { as: fx.as[caller], json: probe.json })).status;
    }
    expect(actual).toEqual(API[route].expect);
  });
});

describe("pages × callers", () => {
  const discovered = discoverPages(appDir);

  it("has an expectation for every page in app/, and none for a page that is gone", () => {
    expectSameEntries(discovered, PAGES, "PAGES");
  });

  it.each(discovered.filter((p) => p in PAGES))("%s answers each caller as expected", async (page) => {
    const actual = {} as PageStatuses;
    for (const caller of CALLERS) {
      const res = await api("GET", PAGES[page].probe(fx), { as: fx.as[caller] });
      const location = res.headers.get("location");
      if (location) actual[caller] = `redirect ${new URL(location, "http://x").pathname}`;
      // A page that has begun streaming when it calls notFound() keeps its 200 and carries Next's
      // 404 digest instead; the browser then shows the not-found UI.
      else if (res.status === 404 || String(res.body).includes("NEXT_HTTP_ERROR_FALLBACK;404"))
        actual[caller] = NOT_FOUND;
      else actual[caller] = res.status;
    }
    expect(actual).toEqual(PAGES[page].expect);
  });
});
