// The authorisation matrix (DESIGN §2, §6): every route handler and page, discovered from the file
// tree (an entry missing fails the suite), × every kind of caller: scope (404, never 403), revoked
// and unknown keys, deactivated users and partners, key usage tracking, request ids.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { OPERATOR_ACTOR } from "@/lib/auth/actor";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import { newWebhookSecret } from "@/lib/webhooks/signature";
import { discoverApiRoutes, discoverPages } from "./matrix/discover";
import {
  api,
  assignAs,
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
/** A CREATED delivery of partner A, only read (never transitioned) by the per-route tests. */
let deliveryOfA: Awaited<ReturnType<typeof createDeliveryAs>>;

const PEOPLE_AND_PARTNER_KEYS = [
  "anonymous",
  "partnerUser",
  "partnerKey",
  "otherPartner",
  "admin",
  "courier",
  "revokedKey",
] as const;
/** Keys with a staff role: each must answer exactly as a session of its role does. */
const ROLE_KEYS = { adminKey: "admin", courierKey: "courier" } as const;
const CALLERS = [...PEOPLE_AND_PARTNER_KEYS, ...(Object.keys(ROLE_KEYS) as (keyof typeof ROLE_KEYS)[])] as const;
type CallerKind = (typeof CALLERS)[number];
type Statuses = Record<(typeof PEOPLE_AND_PARTNER_KEYS)[number], number> &
  Partial<Record<keyof typeof ROLE_KEYS, number>>;
type PageStatuses = Record<(typeof PEOPLE_AND_PARTNER_KEYS)[number], number | string>;

/** What a route answers each caller: a role key as that role's session, unless the table says otherwise. */
const expectedApi = (s: Statuses): Record<CallerKind, number> => ({
  ...s,
  adminKey: s.adminKey ?? s[ROLE_KEYS.adminKey],
  courierKey: s.courierKey ?? s[ROLE_KEYS.courierKey],
});
/** Pages need a session: any key is treated as no sign-in, exactly like a partner's key. */
const expectedPage = (s: PageStatuses): Record<CallerKind, number | string> => ({
  ...s,
  adminKey: s.partnerKey,
  courierKey: s.partnerKey,
});

interface Fixtures {
  as: Record<CallerKind, Caller>;
  /** A CREATED delivery of the partner ("partnerUser", "partnerKey"); others must not see it. */
  delivery: { id: string; trackingCode: string };
  freshDelivery(): Promise<{ id: string }>;
  /** An email in the log, which only admins may read. */
  emailId: string;
  /** A validated (never confirmed) import of the partner. */
  importId: string;
  /** A webhook endpoint of the partner, and one message in its log. */
  endpointId: string;
  messageId: string;
  /** Another endpoint of the partner, made for one probe to delete. */
  freshEndpoint(): Promise<{ id: string }>;
}

/** A drop-off window starting in a day, two hours wide. */
function soonWindow() {
  const from = Date.now() + 86_400_000;
  return { from: new Date(from).toISOString(), to: new Date(from + 7_200_000).toISOString() };
}

interface Probe {
  path: string;
  json?: unknown;
}

const all = (status: number): Statuses =>
  Object.fromEntries(PEOPLE_AND_PARTNER_KEYS.map((c) => [c, status])) as Statuses;
/**
 * Signed-in partner (user or key) and admin may; another partner sees 404, and so does a courier
 * (the delivery is not assigned to them); the rest 401.
 */
const scoped = (ok: number, overrides: Partial<Statuses> = {}): Statuses => ({
  anonymous: 401,
  partnerUser: ok,
  partnerKey: ok,
  otherPartner: 404,
  admin: ok,
  courier: 404,
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
  courier: 404,
  revokedKey: 401,
};
/** People's own: a partner's or an admin key has no inbox; a courier key is its courier, so it has. */
const usersOnly = (ok: number): Statuses => ({
  anonymous: 401,
  partnerUser: ok,
  partnerKey: 404,
  otherPartner: ok,
  admin: ok,
  courier: ok,
  revokedKey: 401,
  adminKey: 404,
});

const API: Record<string, { probe: (fx: Fixtures) => Probe | Promise<Probe>; expect: Statuses }> = {
  "GET /api/health": { probe: () => ({ path: "/api/health" }), expect: all(200) },
  "GET /api/health/ready": { probe: () => ({ path: "/api/health/ready" }), expect: all(200) },
  // The suite calls from loopback, which needs no token (tests/integration/metrics.test.ts: the rest).
  "GET /api/metrics": { probe: () => ({ path: "/api/metrics" }), expect: all(200) },
  "GET /api/v1/openapi.json": { probe: () => ({ path: "/api/v1/openapi.json" }), expect: all(200) },
  "GET /api/v1/docs": { probe: () => ({ path: "/api/v1/docs" }), expect: all(200) },
  "GET /api/v1/docs/[asset]": { probe: () => ({ path: "/api/v1/docs/init.js" }), expect: all(200) },
  "GET /api/v1/tracking/[trackingCode]": {
    probe: (fx) => ({ path: `/api/v1/tracking/${fx.delivery.trackingCode}` }),
    expect: all(200),
  },
  "GET /api/v1/tracking/[trackingCode]/live": {
    probe: (fx) => ({ path: `/api/v1/tracking/${fx.delivery.trackingCode}/live` }),
    expect: all(200),
  },
  // The live stream is scoped like the lists: everyone signed in gets one, of their own changes.
  "GET /api/v1/live": {
    probe: () => ({ path: "/api/v1/live" }),
    expect: scoped(200, { otherPartner: 200, courier: 200 }),
  },
  // Lists are scoped, never refused: a courier gets the deliveries assigned to them.
  "GET /api/v1/deliveries": {
    probe: () => ({ path: "/api/v1/deliveries" }),
    expect: scoped(200, { otherPartner: 200, courier: 200 }),
  },
  "GET /api/v1/deliveries.csv": {
    probe: () => ({ path: "/api/v1/deliveries.csv" }),
    expect: scoped(200, { otherPartner: 200, courier: 200 }),
  },
  "POST /api/v1/deliveries": {
    // Admins (sessions and keys) must name the partnerId, which this probe leaves out.
    probe: () => ({ path: "/api/v1/deliveries", json: deliveryPayload() }),
    expect: scoped(201, { otherPartner: 201, admin: 400, courier: 403 }),
  },
  // Imports: partners (people and keys) their own, admins on behalf of any partner. A JSON body is
  // refused with 415 once the caller may (the file is text/csv); another partner's import is 404.
  "POST /api/v1/imports": {
    probe: () => ({ path: "/api/v1/imports", json: {} }),
    expect: scoped(415, { otherPartner: 415 }),
  },
  "GET /api/v1/imports": {
    probe: () => ({ path: "/api/v1/imports" }),
    expect: scoped(200, { otherPartner: 200 }),
  },
  "GET /api/v1/imports/template.csv": {
    probe: () => ({ path: "/api/v1/imports/template.csv" }),
    expect: scoped(200, { otherPartner: 200 }),
  },
  "GET /api/v1/imports/[id]": {
    probe: (fx) => ({ path: `/api/v1/imports/${fx.importId}` }),
    expect: scoped(200),
  },
  "DELETE /api/v1/imports/[id]": {
    probe: () => ({ path: `/api/v1/imports/${randomUUID()}` }),
    expect: scoped(404),
  },
  "POST /api/v1/imports/[id]/confirm": {
    probe: () => ({ path: `/api/v1/imports/${randomUUID()}/confirm`, json: {} }),
    expect: scoped(404),
  },
  "GET /api/v1/imports/[id]/errors.csv": {
    probe: (fx) => ({ path: `/api/v1/imports/${fx.importId}/errors.csv` }),
    expect: scoped(200),
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
  "POST /api/v1/deliveries/[id]/reschedule": {
    probe: async (fx) => ({
      path: `/api/v1/deliveries/${(await fx.freshDelivery()).id}/reschedule`,
      json: { reason: "Matrix probe", dropoffWindow: soonWindow() },
    }),
    expect: scoped(200),
  },
  // A CREATED delivery cannot be re-attempted: whoever may try gets the 409, the rest no route.
  "POST /api/v1/deliveries/[id]/reattempt": {
    probe: async (fx) => ({
      path: `/api/v1/deliveries/${(await fx.freshDelivery()).id}/reattempt`,
      json: { dropoffWindow: soonWindow() },
    }),
    expect: scoped(409),
  },
  // Its courier or dispatch; not on its way yet, so dispatch gets the 409; partners find no route.
  "PUT /api/v1/deliveries/[id]/eta": {
    probe: async (fx) => ({ path: `/api/v1/deliveries/${(await fx.freshDelivery()).id}/eta`, json: { inMinutes: 20 } }),
    expect: scoped(409, { partnerUser: 404, partnerKey: 404 }),
  },
  // Dispatch: admins only; everyone else finds no such route.
  "PUT /api/v1/deliveries/[id]/assignment": {
    probe: async (fx) => ({
      path: `/api/v1/deliveries/${(await fx.freshDelivery()).id}/assignment`,
      json: { assigneeId: world.courier.id },
    }),
    expect: adminOnly,
  },
  "GET /api/v1/couriers": { probe: () => ({ path: "/api/v1/couriers" }), expect: adminOnly },
  "POST /api/v1/deliveries/bulk-assignments": {
    probe: async (fx) => ({
      path: "/api/v1/deliveries/bulk-assignments",
      json: { items: [{ id: (await fx.freshDelivery()).id }], assigneeId: world.courier.id },
    }),
    expect: adminOnly,
  },
  "POST /api/v1/deliveries/bulk-cancellations": {
    probe: async (fx) => ({
      path: "/api/v1/deliveries/bulk-cancellations",
      json: { items: [{ id: (await fx.freshDelivery()).id }], reason: "Matrix probe" },
    }),
    expect: adminOnly,
  },
  // Proof of delivery: read in the delivery's scope; added only by whoever may complete it (and
  // only in transit: this CREATED delivery is a 409 to an admin, a 403 to its partner).
  "GET /api/v1/deliveries/[id]/proof": {
    probe: (fx) => ({ path: `/api/v1/deliveries/${fx.delivery.id}/proof` }),
    expect: scoped(200),
  },
  "GET /api/v1/deliveries/[id]/proof/[kind]": {
    probe: (fx) => ({ path: `/api/v1/deliveries/${fx.delivery.id}/proof/photo` }),
    expect: scoped(404),
  },
  "PUT /api/v1/deliveries/[id]/proof/[kind]": {
    probe: (fx) => ({ path: `/api/v1/deliveries/${fx.delivery.id}/proof/photo`, json: {} }),
    expect: scoped(403, { admin: 409 }),
  },
  // Auth.js itself: the session endpoint answers everyone; a POST without its CSRF token is
  // turned away with a redirect to the sign-in error page, whoever sends it.
  "GET /api/auth/[...nextauth]": { probe: () => ({ path: "/api/auth/session" }), expect: all(200) },
  "POST /api/auth/[...nextauth]": { probe: () => ({ path: "/api/auth/signout", json: {} }), expect: all(302) },
  // Webhook endpoints: partners (people and keys) their own; admins reach any by id, but list and
  // create only for a partner they name; another partner's endpoint is 404.
  "GET /api/v1/webhook-endpoints": {
    probe: () => ({ path: "/api/v1/webhook-endpoints" }),
    expect: scoped(200, { otherPartner: 200, admin: 404 }),
  },
  "POST /api/v1/webhook-endpoints": {
    probe: () => ({ path: "/api/v1/webhook-endpoints", json: { url: "https://93.184.215.14/matrix" } }),
    expect: scoped(201, { otherPartner: 201, admin: 404 }),
  },
  "GET /api/v1/webhook-endpoints/[id]": {
    probe: (fx) => ({ path: `/api/v1/webhook-endpoints/${fx.endpointId}` }),
    expect: scoped(200),
  },
  "PATCH /api/v1/webhook-endpoints/[id]": {
    probe: (fx) => ({ path: `/api/v1/webhook-endpoints/${fx.endpointId}`, json: { description: "matrix" } }),
    expect: scoped(200),
  },
  "DELETE /api/v1/webhook-endpoints/[id]": {
    probe: async (fx) => ({ path: `/api/v1/webhook-endpoints/${(await fx.freshEndpoint()).id}` }),
    expect: scoped(204),
  },
  "POST /api/v1/webhook-endpoints/[id]/rotate-secret": {
    probe: (fx) => ({ path: `/api/v1/webhook-endpoints/${fx.endpointId}/rotate-secret`, json: {} }),
    expect: scoped(200),
  },
  "GET /api/v1/webhook-endpoints/[id]/messages": {
    probe: (fx) => ({ path: `/api/v1/webhook-endpoints/${fx.endpointId}/messages` }),
    expect: scoped(200),
  },
  "POST /api/v1/webhook-endpoints/[id]/messages/[messageId]/resend": {
    probe: (fx) => ({ path: `/api/v1/webhook-endpoints/${fx.endpointId}/messages/${fx.messageId}/resend`, json: {} }),
    expect: scoped(202),
  },
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
/** Signed-in people are sent on to their own home: the deliveries, for all but couriers. */
const TO_HOME = {
  partnerUser: "redirect /deliveries",
  otherPartner: "redirect /deliveries",
  admin: "redirect /deliveries",
  courier: "redirect /deliveries",
};
const PRIVATE: PageStatuses = {
  anonymous: TO_SIGN_IN,
  partnerUser: 200,
  partnerKey: TO_SIGN_IN,
  otherPartner: 200,
  admin: 200,
  courier: 200,
  revokedKey: TO_SIGN_IN,
};
const ADMIN_PAGE: PageStatuses = { ...PRIVATE, partnerUser: NOT_FOUND, otherPartner: NOT_FOUND, courier: NOT_FOUND };
/** A partner's own pages (settings, imports): not a courier's. */
const PARTNER_SETTINGS: PageStatuses = { ...PRIVATE, courier: NOT_FOUND };
/** The courier's phone view: only couriers. */
const COURIER_PAGE: PageStatuses = { ...PRIVATE, partnerUser: NOT_FOUND, otherPartner: NOT_FOUND, admin: NOT_FOUND };
const PAGES: Record<string, { probe: (fx: Fixtures) => string; expect: PageStatuses }> = {
  "/": { probe: () => "/", expect: { ...PRIVATE, ...TO_HOME, courier: "redirect /courier" } },
  "/sign-in": { probe: () => "/sign-in", expect: { ...all(200), ...TO_HOME, courier: "redirect /courier" } },
  "/deliveries": { probe: () => "/deliveries", expect: PRIVATE },
  "/notifications": { probe: () => "/notifications", expect: PRIVATE },
  "/admin": { probe: () => "/admin", expect: ADMIN_PAGE },
  "/admin/partners": { probe: () => "/admin/partners", expect: ADMIN_PAGE },
  "/deliveries/[id]": {
    probe: (fx) => `/deliveries/${fx.delivery.id}`,
    expect: { ...PRIVATE, otherPartner: NOT_FOUND, courier: NOT_FOUND },
  },
  // Admins create for a partner they pick. A fresh form first gets its idempotency key (`?key=`)
  // by a redirect to itself.
  "/deliveries/new": {
    probe: () => "/deliveries/new",
    expect: {
      ...PRIVATE,
      partnerUser: "redirect /deliveries/new",
      otherPartner: "redirect /deliveries/new",
      admin: "redirect /deliveries/new",
      courier: NOT_FOUND,
    },
  },
  "/deliveries/import": { probe: () => "/deliveries/import", expect: PARTNER_SETTINGS },
  "/deliveries/import/[id]": {
    probe: (fx) => `/deliveries/import/${fx.importId}`,
    expect: { ...PRIVATE, otherPartner: NOT_FOUND, courier: NOT_FOUND },
  },
  "/settings/api-keys": { probe: () => "/settings/api-keys", expect: PARTNER_SETTINGS },
  // A partner's own time zone; an admin picks a partner first.
  "/settings/partner": { probe: () => "/settings/partner", expect: PARTNER_SETTINGS },
  "/courier": { probe: () => "/courier", expect: COURIER_PAGE },
  // Not assigned to this courier: the same 404 as a delivery that does not exist.
  "/courier/[id]": { probe: (fx) => `/courier/${fx.delivery.id}`, expect: { ...COURIER_PAGE, courier: NOT_FOUND } },
  "/track/[trackingCode]": { probe: (fx) => `/track/${fx.delivery.trackingCode}`, expect: all(200) },
  "/track": { probe: () => "/track", expect: all(200) },
  // A partner's own endpoint; an admin picks a partner first (the bare page is that picker).
  "/settings/webhook": { probe: () => "/settings/webhook", expect: PARTNER_SETTINGS },
  "/admin/emails": { probe: () => "/admin/emails", expect: ADMIN_PAGE },
  "/admin/emails/[id]": { probe: (fx) => `/admin/emails/${fx.emailId}`, expect: ADMIN_PAGE },
  "/admin/runs": { probe: () => "/admin/runs", expect: ADMIN_PAGE },
  "/admin/api-keys": { probe: () => "/admin/api-keys", expect: ADMIN_PAGE },
};

const appDir = path.resolve(import.meta.dirname, "../../app");
let fx: Fixtures;

beforeAll(async () => {
  world = await createWorld();
  who = callers(world);
  deliveryOfA = await createDeliveryAs(who.partnerAKey);
  const as: Record<CallerKind, Caller> = {
    anonymous: null,
    partnerUser: who.partnerAUser,
    partnerKey: who.partnerAKey,
    otherPartner: who.partnerBUser,
    admin: who.admin,
    courier: who.courier,
    revokedKey: who.revokedKey,
    adminKey: { apiKey: (await createApiKey({ owner: { role: "ADMIN" }, name: "dispatch" })).secret },
    courierKey: {
      apiKey: (await createApiKey({ owner: { role: "COURIER", userId: world.courier.id }, name: "app" })).secret,
    },
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
  const template = await api<string>("GET", "/api/v1/imports/template.csv", { as: who.partnerAKey });
  const upload = await api<{ id: string }>("POST", "/api/v1/imports", {
    as: who.partnerAKey,
    headers: { "content-type": "text/csv" },
    body: template.body,
  });
  expect(upload.status).toBe(201);
  const endpoint = await db.webhookEndpoint.create({
    data: { partnerId: world.partnerA.id, url: "http://127.0.0.1:9/matrix", events: [], secret: newWebhookSecret() },
  });
  const message = await db.webhookMessage.create({
    data: { endpointId: endpoint.id, eventId: randomUUID(), eventType: "delivery.created", body: "{}" },
  });
  fx = {
    as,
    delivery,
    freshDelivery: () => createDeliveryAs(who.partnerAKey),
    emailId: email.id,
    importId: upload.body.id,
    endpointId: endpoint.id,
    messageId: message.id,
    freshEndpoint: () =>
      db.webhookEndpoint.create({
        data: {
          partnerId: world.partnerA.id,
          url: "http://127.0.0.1:9/matrix",
          events: [],
          secret: newWebhookSecret(),
        },
      }),
  };
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
    expect(actual).toEqual(expectedApi(API[route].expect));
  });
});

describe("pages × callers", () => {
  const discovered = discoverPages(appDir);

  it("has an expectation for every page in app/, and none for a page that is gone", () => {
    expectSameEntries(discovered, PAGES, "PAGES");
  });

  it.each(discovered.filter((p) => p in PAGES))("%s answers each caller as expected", async (page) => {
    const actual = {} as Record<CallerKind, number | string>;
    for (const caller of CALLERS) {
      const res = await api("GET", PAGES[page].probe(fx), { as: fx.as[caller] });
      const location = res.headers.get("location");
      if (location) actual[caller] = `redirect ${new URL(location, "http://x").pathname}`;
      // Out of reach answers HTTP 404 itself, not a 200 that streams the not-found UI (which is
      // what a page under a loading.tsx does when it calls notFound()).
      else if (res.status === 404) actual[caller] = NOT_FOUND;
      else if (String(res.body).includes("NEXT_HTTP_ERROR_FALLBACK;404")) actual[caller] = "not found UI with 200";
      else actual[caller] = res.status;
    }
    expect(actual).toEqual(expectedPage(PAGES[page].expect));
  });
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

  it("asks admins for the partnerId, and creates for that partner recorded as the admin", async () => {
    const payload = deliveryPayload();
    const missing = await api("POST", "/api/v1/deliveries", { as: who.admin, json: payload });
    expect(expectProblem(missing, 400).errors).toEqual([
      { path: "partnerId", message: "Required: the partner this delivery is for" },
    ]);
    const unknown = await api("POST", "/api/v1/deliveries", {
      as: who.admin,
      json: { ...payload, partnerId: randomUUID() },
    });
    expect(expectProblem(unknown, 400).errors).toEqual([{ path: "partnerId", message: "No partner with this id" }]);
    expect(await db.delivery.count({ where: { externalReference: payload.externalReference } })).toBe(0);
    const res = await api("POST", "/api/v1/deliveries", {
      as: who.admin,
      json: { ...payload, partnerId: world.partnerB.id },
    });
    expect([res.status, res.body.partner.id]).toEqual([201, world.partnerB.id]);
    const row = await db.delivery.findUniqueOrThrow({ where: { id: res.body.id } });
    expect([row.createdByKind, row.createdById]).toEqual(["USER", world.admin.id]);
  });

  it.each<CallerName>(["partnerAUser", "partnerAKey"])("refuses a partnerId from %s", async (name) => {
    const payload = deliveryPayload({ partnerId: world.partnerB.id });
    const res = await api("POST", "/api/v1/deliveries", { as: who[name], json: payload });
    expect(expectProblem(res, 400).errors?.map((e: { path: string }) => e.path)).toEqual(["partnerId"]);
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
      await assignAs(who.admin, d.id, world.courier.id);
      const res = await api("POST", `/api/v1/deliveries/${d.id}/status`, {
        as: who[name],
        json: { status: "IN_TRANSIT" },
      });
      expect(expectProblem(res, 403).type).toBe("/problems/forbidden");
      const row = await db.delivery.findUniqueOrThrow({ where: { id: d.id } });
      expect([row.status, row.version]).toEqual(["ASSIGNED", 2]);
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
    const res = await api("POST", "/api/v1/deliveries", { as: who.courier, json: deliveryPayload() });
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
      actor: OPERATOR_ACTOR,
      input: {
        email: `gone-${tag}@test.example`,
        password: "correct-horse-battery",
        role: "PARTNER",
        partnerId: world.partnerA.id,
      },
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
    const partner = await createPartner({
      actor: OPERATOR_ACTOR,
      input: { name: `Gamma ${randomUUID().slice(0, 8)}` },
    });
    const user = await createUser({
      actor: OPERATOR_ACTOR,
      input: {
        email: `gamma-${randomUUID().slice(0, 8)}@test.example`,
        password: "correct-horse-battery",
        role: "PARTNER",
        partnerId: partner.id,
      },
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
