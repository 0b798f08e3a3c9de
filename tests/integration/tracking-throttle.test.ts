// Public tracking needs no sign-in, so each client is counted, on the API and the page alike: past
// RATE_LIMIT_TRACKING_PER_CLIENT lookups a minute the API answers 429 with Retry-After and the page
// says so; other clients are unaffected. An IPv6 client counts by its /64.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app-server";
import { api, createDeliveryAs, createWorld, expectProblem } from "./support";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({
    databaseUrl: process.env.DATABASE_URL!,
    env: { RATE_LIMIT_TRACKING_PER_CLIENT: "5", TRUST_PROXY: "1" },
  });
});
afterAll(async () => {
  await app?.stop();
});

/** Fixed one-minute windows: start a counting test well before the window turns. */
async function awayFromWindowEdge(margin = 10) {
  const left = 60 - ((Date.now() / 1000) % 60);
  if (left < margin) await new Promise((r) => setTimeout(r, left * 1000 + 200));
}

const code = () => `DLV-${Math.random().toString(36).slice(2, 10).toUpperCase().padEnd(8, "X")}`;
const track = (trackingCode: string, client: string) =>
  api("GET", `/api/v1/tracking/${trackingCode}`, { baseUrl: app.url, headers: { "x-forwarded-for": client } });

describe("public tracking", { timeout: 60_000 }, () => {
  it("answers a client guessing codes with 429 and Retry-After past its limit, and only that client", async () => {
    await awayFromWindowEdge();
    const world = await createWorld();
    const real = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
    const guesser = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    for (let i = 0; i < 5; i++) expect((await track(code(), guesser)).status).toBe(404);
    const refused = await track(real.trackingCode, guesser);
    expectProblem(refused, 429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    const recipient = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const ok = await track(real.trackingCode, recipient);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("ratelimit-remaining")).toBe("4");
  });

  it("counts the tracking page and the API against one limit, and the page then looks nothing up", async () => {
    await awayFromWindowEdge();
    const world = await createWorld();
    const real = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
    const guesser = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    const page = (trackingCode: string) =>
      api("GET", `/track/${trackingCode}`, { baseUrl: app.url, headers: { "x-forwarded-for": guesser } });
    for (let i = 0; i < 3; i++) expect((await page(code())).status).toBe(404);
    for (let i = 0; i < 2; i++) expect((await track(code(), guesser)).status).toBe(404);
    const refused = await page(real.trackingCode);
    expect(refused.body).toContain("Too many lookups from your connection");
    // The code is in the URL the guesser typed; what a lookup would add (status, partner) is not.
    expect(refused.body).not.toContain('data-testid="tracking-status"');
    expect(refused.body).not.toContain("A delivery from");
    expectProblem(await track(real.trackingCode, guesser), 429);
  });

  it("counts an IPv6 client by its /64", async () => {
    await awayFromWindowEdge();
    const net = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:1`;
    for (let i = 1; i <= 5; i++) expect((await track(code(), `${net}::${i}`)).status).toBe(404);
    expectProblem(await track(code(), `${net}:ffff:ffff:ffff:ffff`), 429);
  });
});
