// Signing out ends the session on the server, not only in the browser: the same cookie used again
// (copied, or re-issued by a request that raced the sign-out) signs nobody in.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { api, baseUrl, createWorld, csrfFor, signIn, type World } from "./support";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

async function signOut(cookie: string) {
  const { csrfToken, cookie: csrfCookie } = await csrfFor(baseUrl, { cookie });
  const res = await fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${cookie}; ${csrfCookie}` },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/sign-in" }),
  });
  expect(res.status).toBe(302);
}

describe("sign-out", () => {
  it("revokes the session: the old cookie is refused by the API and the pages afterwards", async () => {
    const email = (await db.user.findUniqueOrThrow({ where: { id: world.partnerA.userId } })).email;
    const { cookie } = await signIn(email, "correct-horse-battery");
    expect((await api("GET", "/api/v1/notifications", { as: { cookie } })).status).toBe(200);
    const before = await db.revokedSession.count();

    await signOut(cookie);
    expect(await db.revokedSession.count()).toBe(before + 1);
    expect((await api("GET", "/api/v1/notifications", { as: { cookie } })).status).toBe(401);
    const page = await fetch(`${baseUrl}/deliveries`, { headers: { cookie }, redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/sign-in/);
  });

  it("leaves the user's other sessions signed in", async () => {
    const email = (await db.user.findUniqueOrThrow({ where: { id: world.partnerB.userId } })).email;
    const laptop = await signIn(email, "correct-horse-battery");
    const phone = await signIn(email, "correct-horse-battery");
    await signOut(laptop.cookie);
    expect((await api("GET", "/api/v1/notifications", { as: laptop })).status).toBe(401);
    expect((await api("GET", "/api/v1/notifications", { as: phone })).status).toBe(200);
  });

  it("answers no session at /api/auth/session for a revoked one, and neither returns nor refreshes its token", async () => {
    const email = (await db.user.findUniqueOrThrow({ where: { id: world.partnerA.userId } })).email;
    const { cookie } = await signIn(email, "correct-horse-battery");
    const live = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } });
    expect(((await live.json()) as { user?: { email?: string } }).user?.email).toBe(email);

    await signOut(cookie);
    const ended = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } });
    expect(ended.status).toBe(200);
    expect(await ended.json()).toBeNull();
    // No fresh token comes back: the only session cookie set is the one clearing it.
    const set = ended.headers.getSetCookie().filter((c) => c.includes("session-token="));
    expect(set.length).toBeGreaterThan(0);
    for (const c of set) expect(c).toMatch(/session-token=;.*Expires=Thu, 01 Jan 1970/);
  });
});
