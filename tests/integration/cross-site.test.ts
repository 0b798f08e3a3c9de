// Cookie-authenticated writes from another site's page: a browser attaches the session cookie to a
// form post or a `text/plain` fetch (no preflight), so the route handlers refuse writes whose
// Origin or Sec-Fetch-Site says cross-site with 403. Reads, our own pages and API keys pass.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { api, baseUrl, createWorld, deliveryPayload, expectProblem, type World } from "./support";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const EVIL = { origin: "http://evil.example", "content-type": "text/plain" };

describe("cross-site writes with a session cookie", () => {
  it("are refused by Origin (POST /api/v1/notifications/read-all)", async () => {
    const res = await api("POST", "/api/v1/notifications/read-all", {
      as: { cookie: world.partnerA.cookie },
      headers: EVIL,
      body: "{}",
    });
    expectProblem(res, 403);
  });

  it("are refused by Sec-Fetch-Site, and by an opaque origin", async () => {
    const cases: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "null" },
    ];
    for (const headers of cases) {
      const res = await api("POST", "/api/v1/notifications/read-all", {
        as: { cookie: world.partnerA.cookie },
        headers,
      });
      expectProblem(res, 403);
    }
  });

  it("refuse an import's confirmation, which stays unconfirmed", async () => {
    const csv = `pickupAddress,dropoffAddress,recipientName,deliveryDate\n1 A St,2 B St,Ada,2099-01-01\n`;
    const preview = await api("POST", "/api/v1/imports", {
      as: { cookie: world.partnerA.cookie },
      body: csv,
      headers: { "content-type": "text/csv" },
    });
    expect(preview.status).toBe(201);
    const res = await api("POST", `/api/v1/imports/${preview.body.id}/confirm`, {
      as: { cookie: world.partnerA.cookie },
      headers: EVIL,
    });
    expectProblem(res, 403);
    expect((await db.deliveryImport.findUniqueOrThrow({ where: { id: preview.body.id } })).confirmedAt).toBeNull();
  });

  it("pass from our own pages (same origin) and from clients that send neither header", async () => {
    const as = { cookie: world.partnerA.cookie };
    const cases: Record<string, string>[] = [
      { origin: baseUrl },
      { "sec-fetch-site": "same-origin", origin: baseUrl },
      {},
    ];
    for (const headers of cases) {
      expect((await api("POST", "/api/v1/notifications/read-all", { as, headers })).status).toBe(200);
    }
  });

  it("leave cross-site reads alone", async () => {
    const res = await api("GET", "/api/v1/notifications", { as: { cookie: world.partnerA.cookie }, headers: EVIL });
    expect(res.status).toBe(200);
  });
});

describe("API keys", () => {
  it("are unaffected by Origin and Sec-Fetch-Site", async () => {
    const res = await api("POST", "/api/v1/deliveries", {
      as: { apiKey: world.partnerA.apiKey },
      headers: { origin: "http://evil.example", "sec-fetch-site": "cross-site" },
      json: deliveryPayload(),
    });
    expect(res.status).toBe(201);
  });
});
