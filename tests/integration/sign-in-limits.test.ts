// Sign-in limits on servers of this file's own: failures count per email from one address (refused)
// and per email from anywhere (slowed, never refused), every attempt per address, and
// X-Forwarded-For moves that address only as far as TRUST_PROXY says.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { csrfFor, expectProblem } from "./support";
import { startApp, type RunningApp } from "../support/app-server";
import { OPERATOR_ACTOR } from "@/lib/auth/actor";

const SLOWDOWN_MS = 1500;
const LIMITS = {
  RATE_LIMIT_SIGNIN_PER_CLIENT: "3",
  RATE_LIMIT_SIGNIN_PER_EMAIL: "5",
  RATE_LIMIT_SIGNIN_PER_IP: "8",
  SIGNIN_SLOWDOWN_MS: String(SLOWDOWN_MS),
};
const PASSWORD = "correct-horse-battery-staple";
const WRONG = "wrong-password-123";

/** Behind one proxy: the client address is the hop that proxy appended to X-Forwarded-For. */
let proxied: RunningApp;
/** No proxy trusted: the client address is the socket's, whatever the request says. */
let direct: RunningApp;

beforeAll(async () => {
  [proxied, direct] = await Promise.all([
    startApp({ databaseUrl: process.env.DATABASE_URL!, env: { ...LIMITS, TRUST_PROXY: "1" } }),
    startApp({ databaseUrl: process.env.DATABASE_URL!, env: { ...LIMITS, RATE_LIMIT_SIGNIN_PER_IP: "4" } }),
  ]);
});
afterAll(async () => {
  await Promise.all([proxied?.stop(), direct?.stop()]);
});

/** One sign-in through Auth.js's credentials endpoint; `forwardedFor` as a client or proxy would send it. */
async function signIn(app: RunningApp, email: string, password: string, forwardedFor?: string) {
  const via: Record<string, string> = forwardedFor ? { "x-forwarded-for": forwardedFor } : {};
  const { csrfToken, cookie } = await csrfFor(app.url, via);
  const started = performance.now();
  const res = await fetch(`${app.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...via },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/deliveries" }),
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // a redirect, not JSON
  }
  const signedIn = res.headers.getSetCookie().some((c) => /session-token=[^;]+/.test(c));
  return { status: res.status, headers: res.headers, body, signedIn, ms: performance.now() - started };
}

/** Fixed 15-minute windows: start a counting test well before the window turns. */
async function awayFromWindowEdge(margin = 40) {
  const left = 900 - ((Date.now() / 1000) % 900);
  if (left < margin) await new Promise((r) => setTimeout(r, left * 1000 + 500));
}

const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
const newAdmin = async () => {
  const email = `admin-${randomUUID().slice(0, 8)}@test.example`;
  await createUser({ actor: OPERATOR_ACTOR, input: { email, password: PASSWORD, role: "ADMIN" } });
  return email;
};

// A test may first wait up to 41 s for the next 15-minute window (awayFromWindowEdge): the
// default 30 s timeout failed such a test whenever the suite reached it just before :00/:15/:30/:45.
describe("sign-in limits", { timeout: 90_000 }, () => {
  it("an attacker hammering an admin's email from many addresses cannot stop the admin's correct sign-in", async () => {
    await awayFromWindowEdge();
    const email = await newAdmin();
    const attackers = Array.from({ length: 4 }, (_, i) => `203.0.113.${10 + i}`);
    // Each address fails three times (its limit), all four at once: 12 failures on the email.
    const guesses = await Promise.all(
      attackers.map(async (ip) => {
        const statuses: number[] = [];
        for (let i = 0; i < 3; i++) statuses.push((await signIn(proxied, email, `${WRONG}-${i}`, ip)).status);
        return statuses;
      }),
    );
    expect(guesses.flat()).toEqual(Array(12).fill(302));
    // Those addresses are now refused for this email, fast and before any password is checked —
    // the right one included, since they are the ones guessing.
    for (const ip of attackers) {
      const refused = await signIn(proxied, email, PASSWORD, ip);
      expect(expectProblem(refused, 429).type).toBe("/problems/rate-limited");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.signedIn).toBe(false);
      expect(refused.ms).toBeLessThan(SLOWDOWN_MS);
    }

    // The admin, from their own address: a typo and then the right password, both slowed, not refused.
    const mine = "192.0.2.77";
    const typo = await signIn(proxied, email, WRONG, mine);
    expect([typo.status, typo.signedIn]).toEqual([302, false]);
    expect(typo.ms).toBeGreaterThanOrEqual(SLOWDOWN_MS);
    const right = await signIn(proxied, email, PASSWORD, mine);
    expect([right.status, right.signedIn]).toEqual([302, true]);
    expect(right.ms).toBeGreaterThanOrEqual(SLOWDOWN_MS);
    console.info(`admin sign-in under attack: ${right.ms.toFixed(0)} ms (slowdown ${SLOWDOWN_MS} ms)`);
  });

  it("counts failures, not attempts: correct sign-ins never use up the email's limits", async () => {
    await awayFromWindowEdge();
    const email = await newAdmin();
    // Six right passwords from one address: past both the client's (3) and the email's (5) limits.
    const ip = address();
    for (let i = 0; i < 6; i++) {
      const res = await signIn(proxied, email, PASSWORD, ip);
      expect([res.status, res.signedIn]).toEqual([302, true]);
      expect(res.ms).toBeLessThan(SLOWDOWN_MS);
    }
    // Four typos from another address would pass its limit of three, but a right password in
    // between forgives that address's earlier ones.
    const other = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    for (const password of [WRONG, WRONG, PASSWORD, WRONG, WRONG, PASSWORD]) {
      const res = await signIn(proxied, email, password, other);
      expect([res.status, res.signedIn]).toEqual([302, password === PASSWORD]);
    }
  });

  it("caps the attempts of one client address across emails; with TRUST_PROXY=1 the forwarded address is that client", async () => {
    await awayFromWindowEdge();
    const n = 100 + Math.floor(Math.random() * 100);
    const [ip, other] = [`203.0.113.${n}`, `203.0.113.${n - 80}`];
    for (let i = 0; i < 8; i++)
      expect((await signIn(proxied, `nobody-${i}-${randomUUID()}@test.example`, WRONG, ip)).status).toBe(302);
    expectProblem(await signIn(proxied, `nobody-${randomUUID()}@test.example`, WRONG, ip), 429);
    // Another address (as the one trusted proxy reports it) has its own bucket.
    expect((await signIn(proxied, `nobody-${randomUUID()}@test.example`, WRONG, other)).status).toBe(302);
  });

  it("counts an IPv6 client by its /64, however many of its addresses it uses", async () => {
    await awayFromWindowEdge();
    const net = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;
    for (let i = 0; i < 8; i++) {
      const res = await signIn(
        proxied,
        `nobody-${randomUUID()}@test.example`,
        WRONG,
        `${net}::${(i + 1).toString(16)}`,
      );
      expect(res.status).toBe(302);
    }
    expectProblem(
      await signIn(proxied, `nobody-${randomUUID()}@test.example`, WRONG, `${net}:aaaa:bbbb:cccc:dddd`),
      429,
    );
    // The neighbouring /64 is someone else.
    const neighbour = `${net.replace(/:[0-9a-f]+$/, "")}:${Math.floor(Math.random() * 0xffff).toString(16)}::1`;
    expect((await signIn(proxied, `nobody-${randomUUID()}@test.example`, WRONG, neighbour)).status).toBe(302);
  });

  it("without TRUST_PROXY, a spoofed X-Forwarded-For does not move the client's bucket", async () => {
    await awayFromWindowEdge();
    // This server's clients are all this machine: start from an empty bucket for it.
    await db.$executeRaw`DELETE FROM "RateLimit" WHERE "key" LIKE 'signin:ip:%127.0.0.1'`;
    for (let i = 0; i < 4; i++) {
      const res = await signIn(direct, `nobody-${randomUUID()}@test.example`, WRONG, `198.18.${i}.${i + 1}`);
      expect(res.status).toBe(302);
    }
    const spoofed = await signIn(direct, `nobody-${randomUUID()}@test.example`, WRONG, "198.18.200.200");
    expectProblem(spoofed, 429);
    const plain = await signIn(direct, `nobody-${randomUUID()}@test.example`, WRONG);
    expectProblem(plain, 429);
  });
});
