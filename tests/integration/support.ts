// Test fixtures and an HTTP client for the real server started by global-setup.ts.
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { inject } from "vitest";
import { createApiKey, hashSecret, revokeApiKey } from "@/lib/auth/api-keys";
import { createPartner } from "@/lib/partners/create-partner";
import { createUser } from "@/lib/users/create-user";
import { db } from "@/lib/db";
import { assignDelivery } from "@/lib/deliveries/assign-delivery";
import { transitionDelivery } from "@/lib/deliveries/transition-delivery";
import { OPERATOR_ACTOR, type Actor } from "@/lib/auth/actor";

export const baseUrl = inject("baseUrl");

export type Caller = { cookie: string } | { apiKey: string } | { authorization: string } | null;

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function api<T = any>(
  method: string,
  path: string,
  options: { as?: Caller; json?: unknown; body?: string; headers?: Record<string, string>; baseUrl?: string } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  const as = options.as ?? null;
  if (as && "cookie" in as) headers.cookie = as.cookie;
  if (as && "apiKey" in as) headers.authorization = `Bearer ${as.apiKey}`;
  if (as && "authorization" in as) headers.authorization = as.authorization;
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["content-type"] ??= "application/json";
  }
  const res = await fetch(`${options.baseUrl ?? baseUrl}${path}`, { method, headers, body, redirect: "manual" });
  // An event stream never ends by itself: its status and headers are the answer (tests/integration/live.test.ts reads streams).
  if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
    await res.body?.cancel();
    return { status: res.status, headers: res.headers, body: null as T };
  }
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON; keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

/** Signs in through Auth.js's own endpoints, as a browser would, and returns the session cookie. */
/** Auth.js's CSRF token and the cookie that goes with it, as a browser form would send them. */
export async function csrfFor(base: string = baseUrl, headers: Record<string, string> = {}) {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { csrfToken, cookie };
}

export async function signIn(email: string, password: string, base = baseUrl): Promise<{ cookie: string }> {
  const { csrfToken, cookie: csrfCookie } = await csrfFor(base);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/deliveries" }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.includes("session-token="));
  if (!session) throw new Error(`Sign-in failed for ${email} (status ${res.status})`);
  return { cookie: session };
}

export function futureDate(days = 7): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export function deliveryPayload(overrides: Record<string, unknown> = {}) {
  return {
    pickupAddress: "12 Market St, Springfield",
    dropoffAddress: "4 Elm Rd, Shelbyville",
    recipientName: "Ada Lovelace",
    recipientEmail: "ada@example.com",
    deliveryDate: futureDate(),
    externalReference: `ORD-${randomUUID().slice(0, 8)}`,
    ...overrides,
  };
}

export const PASSWORD = "correct-horse-battery";

export interface World {
  admin: { cookie: string; id: string };
  /** A courier with nothing assigned to them yet. */
  courier: { cookie: string; id: string };
  partnerA: { id: string; slug: string; cookie: string; userId: string; apiKey: string; apiKeyId: string };
  partnerB: { id: string; slug: string; cookie: string; userId: string; apiKey: string; apiKeyId: string };
  revokedKey: string;
}

/** A fresh admin, two partners each with a user and an API key, and a revoked key of partner A. */
export async function createWorld(): Promise<World> {
  const tag = randomUUID().slice(0, 8);
  const admin = await createUser({
    actor: OPERATOR_ACTOR,
    input: { email: `admin-${tag}@test.example`, password: PASSWORD, role: "ADMIN" },
  });
  const make = async (name: string) => {
    const partner = await createPartner({ actor: OPERATOR_ACTOR, input: { name: `${name} ${tag}` } });
    const user = await createUser({
      actor: OPERATOR_ACTOR,
      input: {
        email: `${name.toLowerCase()}-${tag}@test.example`,
        password: PASSWORD,
        role: "PARTNER",
        partnerId: partner.id,
      },
    });
    const key = await createApiKey({ partnerId: partner.id, name: "tests" });
    return {
      id: partner.id,
      slug: partner.slug,
      userId: user.id,
      email: user.email,
      apiKey: key.secret,
      apiKeyId: key.id,
    };
  };
  const courier = await createUser({
    actor: OPERATOR_ACTOR,
    input: { email: `courier-${tag}@test.example`, password: PASSWORD, role: "COURIER", name: `Courier ${tag}` },
  });
  const a = await make("Alpha");
  const b = await make("Beta");
  const revoked = await createApiKey({ partnerId: a.id, name: "revoked" });
  await revokeApiKey({ actor: OPERATOR_ACTOR, input: { id: revoked.id } });
  const [adminCookie, courierCookie, aCookie, bCookie] = await Promise.all([
    signIn(admin.email, PASSWORD),
    signIn(courier.email, PASSWORD),
    signIn(a.email, PASSWORD),
    signIn(b.email, PASSWORD),
  ]);
  return {
    admin: { ...adminCookie, id: admin.id },
    courier: { ...courierCookie, id: courier.id },
    partnerA: {
      id: a.id,
      slug: a.slug,
      cookie: aCookie.cookie,
      userId: a.userId,
      apiKey: a.apiKey,
      apiKeyId: a.apiKeyId,
    },
    partnerB: {
      id: b.id,
      slug: b.slug,
      cookie: bCookie.cookie,
      userId: b.userId,
      apiKey: b.apiKey,
      apiKeyId: b.apiKeyId,
    },
    revokedKey: revoked.secret,
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the API specification tests.

export const PROBLEM_CONTENT_TYPE = /^application\/problem\+json\b/;

/**
 * Asserts an RFC 9457 problem response: the status, the media type, the four standard members
 * (with `status` equal to the HTTP status) and an X-Request-Id header. Returns the body.
 */
export function expectProblem(res: ApiResponse, status: number) {
  const context = `${status} expected, got ${res.status}: ${JSON.stringify(res.body)}`;
  if (res.status !== status) throw new Error(context);
  if (!PROBLEM_CONTENT_TYPE.test(res.headers.get("content-type") ?? "")) {
    throw new Error(`Expected application/problem+json, got ${res.headers.get("content-type")} (${context})`);
  }
  const body = res.body as Record<string, unknown>;
  if (typeof body !== "object" || body === null) throw new Error(`Problem body is not an object: ${context}`);
  for (const member of ["type", "title", "detail"]) {
    if (typeof body[member] !== "string" || !(body[member] as string).length) {
      throw new Error(`Problem member ${member} missing: ${context}`);
    }
  }
  if (body.status !== status) throw new Error(`Problem status ${String(body.status)} != ${status}`);
  if (!res.headers.get("x-request-id")) throw new Error(`X-Request-Id missing: ${context}`);
  return body as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors?: { path: string; message: string }[];
  } & Record<string, any>;
}

/** The `path`s of a validation problem's field errors. */
export function errorPaths(res: ApiResponse): string[] {
  return ((res.body?.errors ?? []) as { path: string }[]).map((e) => e.path);
}

/** Creates a delivery through the API and fails loudly unless it answers 201. */
export async function createDeliveryAs(as: Caller, overrides: Record<string, unknown> = {}) {
  const res = await api("POST", "/api/v1/deliveries", { as, json: deliveryPayload(overrides) });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; trackingCode: string; status: string; version: number; createdAt: string } & Record<
    string,
    any
  >;
}

/** Moves a delivery as `as` and fails loudly unless it answers 200. */
export async function transitionAs(as: Caller, id: string, status: string, reason?: string) {
  const res = await api("POST", `/api/v1/deliveries/${id}/status`, {
    as,
    json: reason ? { status, reason } : { status },
  });
  if (res.status !== 200) throw new Error(`transition to ${status} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; status: string; version: number } & Record<string, any>;
}

/** Assigns a delivery to a courier as `as` (an admin) and fails loudly unless it answers 200. */
export async function assignAs(as: Caller, id: string, assigneeId: string) {
  const res = await api("PUT", `/api/v1/deliveries/${id}/assignment`, { as, json: { assigneeId } });
  if (res.status !== 200) throw new Error(`assignment failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; status: string; version: number } & Record<string, any>;
}

/**
 * Puts a CREATED delivery on its way the only way there is: `as` (an admin) assigns it to
 * `courierId` (version 2), then `startedBy` — `as` unless given — moves it IN_TRANSIT (version 3).
 */
export async function startAs(as: Caller, id: string, courierId: string, startedBy: Caller = as) {
  await assignAs(as, id, courierId);
  return transitionAs(startedBy, id, "IN_TRANSIT");
}

/** The same as startAs through the use cases (not over HTTP): assigned by `actor`, then started by them. */
export async function startDelivery(actor: Actor, id: string, courierId: string) {
  await assignDelivery({ actor, id, input: { assigneeId: courierId } });
  return transitionDelivery({ actor, id, input: { status: "IN_TRANSIT" } });
}

/** A well-formed API key secret that was never issued. */
export function unknownApiKey(): string {
  return "dap_live_" + randomUUID().replaceAll("-", "") + "abcdefghijk";
}

/** Callers as seen from partner A's side (cookie-only and key-only, never both). */
export function callers(world: World) {
  return {
    anonymous: null,
    partnerAUser: { cookie: world.partnerA.cookie },
    partnerAKey: { apiKey: world.partnerA.apiKey },
    partnerBUser: { cookie: world.partnerB.cookie },
    partnerBKey: { apiKey: world.partnerB.apiKey },
    admin: { cookie: world.admin.cookie },
    courier: { cookie: world.courier.cookie },
    revokedKey: { apiKey: world.revokedKey },
    unknownKey: { apiKey: unknownApiKey() },
  } satisfies Record<string, Caller>;
}

/** The same callers as domain actors, for calling use cases directly (not over HTTP). */
export function actorsOf(world: World) {
  const user = (id: string, role: "ADMIN" | "PARTNER" | "COURIER", partnerId: string | null): Actor => ({
    kind: "USER",
    id,
    role,
    partnerId,
    email: `${id}@test.example`,
  });
  return {
    admin: user(world.admin.id, "ADMIN", null),
    courier: user(world.courier.id, "COURIER", null),
    partnerA: user(world.partnerA.userId, "PARTNER", world.partnerA.id),
    partnerB: user(world.partnerB.userId, "PARTNER", world.partnerB.id),
    partnerAKey: {
      kind: "API_KEY",
      id: world.partnerA.apiKeyId,
      role: "API_KEY",
      partnerId: world.partnerA.id,
    } as Actor,
  };
}

/** What the database holds for one delivery: its status events (by version) and outbox rows. */
export async function sideEffects(deliveryId: string) {
  const events = await db.deliveryStatusEvent.findMany({ where: { deliveryId }, orderBy: { version: "asc" } });
  const outbox = await db.$queryRawUnsafe<{ name: string; payload: Record<string, unknown> }[]>(
    `SELECT "name", "payload" FROM "OutboxEvent" WHERE "payload"->>'deliveryId' = $1 ORDER BY COALESCE(("payload"->>'version')::int, 1), "createdAt"`,
    deliveryId,
  );
  return { events, outbox };
}

/**
 * A partner and an API key written straight into a database of a test's own (whose server the
 * shared fixtures do not reach); returns the key's secret.
 */
export async function seedPartnerWithKey(databaseUrl: string, slug: string): Promise<string> {
  const apiKey = `dap_live_${randomBytes(32).toString("base64url")}`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `INSERT INTO "Partner" ("id", "name", "slug", "updatedAt") VALUES (gen_random_uuid(), $1, $1, now()) RETURNING "id"`,
      [slug],
    );
    await client.query(
      `INSERT INTO "ApiKey" ("id", "partnerId", "name", "prefix", "secretHash") VALUES (gen_random_uuid(), $1, 'load', 'dap_live_xxxxxx', $2)`,
      [rows[0].id, hashSecret(apiKey)],
    );
  } finally {
    await client.end();
  }
  return apiKey;
}

/**
 * A create whose body is sent in two parts on its own connection: it is in flight (headers and the
 * first bytes received) until `sendRest()`, e.g. while a test signals the server.
 */
export function slowCreate(url: string, apiKey: string, body = JSON.stringify(deliveryPayload())) {
  let sendRest!: () => void;
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      `${url}/api/v1/deliveries`,
      {
        method: "POST",
        agent: false,
        headers: {
          authorization: `Bearer ${apiKey}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    req.on("error", reject);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    sendRest = () => req.end(body.slice(half));
  });
  return { answer, sendRest: () => sendRest() };
}
