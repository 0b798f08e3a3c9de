// Security on a server of this file's own with low limits and captured logs: API rate limits (429,
// RateLimit-*, Retry-After), security headers, cookie attributes, no secrets in logs or errors, and
// sign-in answers that do not tell unknown emails from wrong passwords.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { createPartner } from "@/lib/partners/create-partner";
import { createUser } from "@/lib/users/create-user";
import { db } from "@/lib/db";
import { baseUrl, csrfFor, deliveryPayload, expectProblem, PROBLEM_CONTENT_TYPE, type ApiResponse } from "./support";
import { startApp, type RunningApp } from "../support/app-server";
import { OPERATOR_ACTOR } from "@/lib/auth/actor";

const LIMITS = {
  RATE_LIMIT_API_PER_CALLER: "5",
  RATE_LIMIT_API_PER_PARTNER: "8",
};
const PASSWORD = "correct-horse-battery-staple";
let app: RunningApp;

beforeAll(async () => {
  app = await startApp({ databaseUrl: process.env.DATABASE_URL!, env: LIMITS });
});
afterAll(async () => {
  await app?.stop();
});

async function call(
  base: string,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: string } = {},
): Promise<ApiResponse> {
  const res = await fetch(`${base}${path}`, { method, redirect: "manual", ...init });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // pages and redirects are not JSON
  }
  return { status: res.status, headers: res.headers, body };
}

/** One sign-in attempt through Auth.js's credentials endpoint, from the given client address. */
async function attemptSignIn(base: string, email: string, password: string, ip = "198.51.100.1", proto = "http") {
  const via = { "x-forwarded-for": ip, "x-forwarded-proto": proto };
  const { csrfToken, cookie } = await csrfFor(base, via);
  const started = performance.now();
  const res = await call(base, "POST", "/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...via },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/deliveries" }).toString(),
  });
  return { ...res, ms: performance.now() - started };
}

/** Fixed windows: start a counting test at least `margin` seconds before the window turns. */
async function awayFromWindowEdge(windowSeconds: number, margin = 8) {
  const left = windowSeconds - ((Date.now() / 1000) % windowSeconds);
  if (left < margin) await new Promise((r) => setTimeout(r, left * 1000 + 500));
}

async function partnerWithKeys(count: number) {
  const partner = await createPartner({ actor: OPERATOR_ACTOR, input: { name: `Limits ${randomUUID().slice(0, 8)}` } });
  const keys = await Promise.all(Array.from({ length: count }, () => createApiKey({ partnerId: partner.id })));
  return { partner, keys: keys.map((k) => k.secret) };
}

const list = (key: string) =>
  call(app.url, "GET", "/api/v1/deliveries?limit=1", { headers: { authorization: `Bearer ${key}` } });

describe("API rate limits", () => {
  it("counts requests per API key, announces what is left and answers 429 with Retry-After", async () => {
    await awayFromWindowEdge(60);
    const { keys } = await partnerWithKeys(1);
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await list(keys[0]);
      expect(res.status).toBe(200);
      expect(res.headers.get("ratelimit-limit")).toBe("5");
      remaining.push(res.headers.get("ratelimit-remaining")!);
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
    const refused = await list(keys[0]);
    expect(expectProblem(refused, 429).type).toBe("/problems/rate-limited");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
  });

  it("counts every key of a partner against the partner's limit, and no other partner's", async () => {
    await awayFromWindowEdge(60);
    const mine = await partnerWithKeys(2);
    const other = await partnerWithKeys(1);
    for (let i = 0; i < 4; i++) expect((await list(mine.keys[0])).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await list(mine.keys[1])).status).toBe(200);
    expectProblem(await list(mine.keys[1]), 429);
    expect((await list(other.keys[0])).status).toBe(200);
  });

  it("holds across concurrent requests: exactly the limit gets through", async () => {
    await awayFromWindowEdge(60);
    const { keys } = await partnerWithKeys(1);
    const statuses = (await Promise.all(Array.from({ length: 20 }, () => list(keys[0])))).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });
});

describe("security headers", () => {
  it.each(["/sign-in", "/api/v1/deliveries", "/api/v1/docs", "/api/health"])(
    "sends the policy headers on %s",
    async (path) => {
      const res = await call(app.url, "GET", path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain("unsafe-eval");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("strict-transport-security")).toBeNull();
    },
  );

  it("adds HSTS when the request came over TLS", async () => {
    const res = await call(app.url, "GET", "/api/health", { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d{8}/);
  });

  it("serves Swagger UI with nothing inline that the policy would block", async () => {
    const page = await call(app.url, "GET", "/api/v1/docs");
    const html = String(page.body);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, content] of scripts) {
      expect(attributes).toMatch(/src="\/api\/v1\/docs\//);
      expect(content.trim()).toBe("");
    }
    for (const asset of ["swagger-ui-bundle.js", "init.js", "swagger-ui.css"]) {
      expect((await call(app.url, "GET", `/api/v1/docs/${asset}`)).status).toBe(200);
    }
  });
});

describe("session cookies", () => {
  it("are HttpOnly, SameSite=Lax, and Secure with a __Secure- name over TLS", async () => {
    const email = `cookie-${randomUUID().slice(0, 8)}@test.example`;
    await createUser({ actor: OPERATOR_ACTOR, input: { email, password: PASSWORD, role: "ADMIN" } });
    const sessionCookie = async (proto: string) =>
      (await attemptSignIn(baseUrl, email, PASSWORD, "198.51.100.1", proto)).headers
        .getSetCookie()
        .find((c) => c.includes("session-token="))!;
    const plain = await sessionCookie("http");
    expect(plain).toMatch(/HttpOnly/i);
    expect(plain).toMatch(/SameSite=Lax/i);
    const tls = await sessionCookie("https");
    expect(tls).toMatch(/^__Secure-/);
    expect(tls).toMatch(/; Secure/i);
    expect(tls).toMatch(/HttpOnly/i);
    expect(tls).toMatch(/SameSite=Lax/i);
  });
});

describe("passwords", () => {
  it("are stored as bcrypt hashes of cost 12 and must be at least 8 characters", async () => {
    const user = await createUser({
      actor: OPERATOR_ACTOR,
      input: {
        email: `hash-${randomUUID().slice(0, 8)}@test.example`,
        password: PASSWORD,
        role: "ADMIN",
      },
    });
    const { passwordHash } = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true },
    });
    expect(passwordHash).toMatch(/^\$2[aby]\$12\$/);
    await expect(
      createUser({
        actor: OPERATOR_ACTOR,
        input: { email: `short-${randomUUID().slice(0, 8)}@test.example`, password: "short", role: "ADMIN" },
      }),
    ).rejects.toThrow();
  });

  it("answer an unknown email exactly like a wrong password, in comparable time", async () => {
    const email = `timing-${randomUUID().slice(0, 8)}@test.example`;
    await createUser({ actor: OPERATOR_ACTOR, input: { email, password: PASSWORD, role: "ADMIN" } });
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 7; i++) {
      const a = await attemptSignIn(
        baseUrl,
        `ghost-${i}-${randomUUID().slice(0, 8)}@test.example`,
        "wrong-password-123",
      );
      const b = await attemptSignIn(baseUrl, email, "wrong-password-123");
      expect([a.status, a.headers.get("location"), a.body]).toEqual([b.status, b.headers.get("location"), b.body]);
      unknown.push(a.ms);
      wrong.push(b.ms);
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const [u, w] = [median(unknown), median(wrong)];
    console.info(`sign-in medians: unknown email ${u.toFixed(0)} ms, wrong password ${w.toFixed(0)} ms`);
    // Without the dummy hash an unknown email answers in a few ms against hundreds: a factor of
    // ten and more. Half the larger median leaves room for a busy machine.
    expect(Math.abs(u - w)).toBeLessThan(Math.max(u, w) / 2);
  });
});

describe("secrets", () => {
  it("never reach the server's logs or error bodies", async () => {
    const { keys, partner } = await partnerWithKeys(2);
    const revoked = await createApiKey({ partnerId: partner.id });
    await revokeApiKey({ actor: OPERATOR_ACTOR, input: { id: revoked.id } });
    const email = `secret-${randomUUID().slice(0, 8)}@test.example`;
    await createUser({
      actor: OPERATOR_ACTOR,
      input: { email, password: PASSWORD, role: "PARTNER", partnerId: partner.id },
    });
    const wrongPassword = `not-${PASSWORD}`;
    const bodies: string[] = [];
    const signedIn = await attemptSignIn(app.url, email, PASSWORD, "192.0.2.50");
    const session = signedIn.headers
      .getSetCookie()
      .find((c) => c.includes("session-token="))!
      .split(";")[0];
    bodies.push(JSON.stringify((await attemptSignIn(app.url, email, wrongPassword, "192.0.2.51")).body));
    for (const authorization of [
      `Bearer ${revoked.secret}`,
      `Bearer ${keys[0]}x`,
      `Basic ${Buffer.from(`${email}:${PASSWORD}`).toString("base64")}`,
    ]) {
      const res = await call(app.url, "POST", "/api/v1/deliveries", {
        headers: { authorization, "content-type": "application/json" },
        body: "{}",
      });
      expect(res.headers.get("content-type")).toMatch(PROBLEM_CONTENT_TYPE);
      bodies.push(JSON.stringify(res.body));
    }
    const malformed = await call(app.url, "POST", "/api/v1/deliveries", {
      headers: { authorization: `Bearer ${keys[1]}`, "content-type": "application/json" },
      body: `{"notes": "${keys[1]}"`,
    });
    bodies.push(JSON.stringify(malformed.body));
    const created = await call(app.url, "POST", "/api/v1/deliveries", {
      headers: { cookie: session, "content-type": "application/json" },
      body: JSON.stringify(deliveryPayload()),
    });
    expect(created.status).toBe(201);

    const secrets = [PASSWORD, wrongPassword, revoked.secret, ...keys, session.split("=")[1]];
    const logs = app.logs();
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(logs).not.toContain(secret);
      for (const body of bodies) expect(body).not.toContain(secret);
    }
  });
});
