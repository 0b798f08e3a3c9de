// The Inngest serve route against servers of this file's own: every call must be signed, the URL
// registered with Inngest comes from configuration, INNGEST_DEV is a real boolean, dev mode answers
// only a process on this machine that is not a web page, and error answers carry no stack traces.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInngestBody } from "@/lib/api/inngest-signature";
import { startApp, type RunningApp } from "../support/app-server";
import { api } from "./support";

const KEY = `signkey-test-${randomBytes(32).toString("hex")}`;

/** Inngest's API on loopback: records what the app registers and accepts it. */
const registrations: { url: string; body: any }[] = [];
let inngestApi: http.Server;
let cloud: RunningApp;
let dev: RunningApp;

beforeAll(async () => {
  inngestApi = http.createServer((req, res) => {
    let text = "";
    req.on("data", (c) => (text += c));
    req.on("end", () => {
      registrations.push({ url: req.url ?? "", body: text ? JSON.parse(text) : null });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: 200, skipped: false, modified: true }));
    });
  });
  await new Promise<void>((resolve) => inngestApi.listen(0, "127.0.0.1", resolve));
  const apiBase = `http://127.0.0.1:${(inngestApi.address() as AddressInfo).port}`;
  [cloud, dev] = await Promise.all([
    // "0" used to count as set, and switched the route's own signature gate off.
    startApp({
      databaseUrl: process.env.DATABASE_URL!,
      env: { INNGEST_DEV: "0", INNGEST_SIGNING_KEY: KEY, INNGEST_API_BASE_URL: apiBase },
    }),
    startApp({
      databaseUrl: process.env.DATABASE_URL!,
      env: { INNGEST_DEV: "1", INNGEST_BASE_URL: "http://127.0.0.1:9", TRUST_PROXY: "1" },
    }),
  ]);
});
afterAll(async () => {
  await Promise.all([cloud?.stop(), dev?.stop()]);
  inngestApi?.close();
});

function signed(body: string, key = KEY, at = Date.now()) {
  const t = Math.floor(at / 1000).toString();
  return `t=${t}&s=${signInngestBody(body, key, t)}`;
}

describe("in cloud mode", () => {
  it("refuses a sync with a made-up signature and registers nothing", async () => {
    const res = await api("PUT", "/api/inngest", {
      baseUrl: cloud.url,
      headers: { host: "evil.example", "x-inngest-signature": "x" },
    });
    expect(res.status).toBe(401);
    expect(registrations).toEqual([]);
  });

  it("refuses an unsigned sync, introspection and function call", async () => {
    for (const [method, path] of [
      ["PUT", "/api/inngest"],
      ["GET", "/api/inngest"],
      ["POST", "/api/inngest?fnId=delivery-platform-delivery-notifications&stepId=step"],
    ]) {
      const res = await api(method, path, { baseUrl: cloud.url, json: method === "GET" ? undefined : {} });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
    expect(registrations).toEqual([]);
  });

  it("refuses signatures by another key, of another body, or too old", async () => {
    const body = JSON.stringify({ event: {}, events: [], steps: {}, ctx: {} });
    const path = "/api/inngest?fnId=delivery-platform-delivery-notifications&stepId=step";
    const other = `signkey-test-${randomBytes(32).toString("hex")}`;
    for (const signature of [
      signed(body, other),
      signed("{}"),
      signed(body, KEY, Date.now() - 10 * 60_000),
      "t=1&s=zz",
    ]) {
      const res = await api("POST", path, {
        baseUrl: cloud.url,
        body,
        headers: { "content-type": "application/json", "x-inngest-signature": signature },
      });
      expect(res.status, signature).toBe(401);
    }
  });

  it("registers the configured URL on a signed sync, whatever Host, X-Forwarded-Host or query say", async () => {
    const res = await api("PUT", "/api/inngest?deployId=evil&x=1", {
      baseUrl: cloud.url,
      headers: {
        host: "evil.example",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "https",
        "x-inngest-signature": signed(""),
      },
    });
    expect(res.status).toBe(200);
    expect(registrations).toHaveLength(1);
    expect(registrations[0].body.url).toBe(`${cloud.url}/api/inngest`);
    expect(JSON.stringify(registrations[0])).not.toContain("evil");
  });

  it("answers a signed introspection request", async () => {
    const res = await api("GET", "/api/inngest", {
      baseUrl: cloud.url,
      headers: { "x-inngest-signature": signed("") },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ authentication_succeeded: true, mode: "cloud" });
  });

  it("answers a signed call that fails without a stack trace", async () => {
    const body = JSON.stringify({ event: { name: "x", data: {} }, events: [], steps: {}, ctx: {}, version: 2 });
    const res = await api("POST", "/api/inngest?fnId=no-such-function&stepId=step", {
      baseUrl: cloud.url,
      body,
      headers: { "content-type": "application/json", "x-inngest-signature": signed(body) },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(res.body)).not.toMatch(/"stack"|\n\s+at /);
  });
});

describe("in dev mode", () => {
  const call = { event: {}, events: [], steps: {}, ctx: {} };
  const path = "/api/inngest?fnId=delivery-platform-delivery-notifications&stepId=step";

  it("refuses a web page's cross-site text/plain POST", async () => {
    const res = await api("POST", path, {
      baseUrl: dev.url,
      body: JSON.stringify(call),
      headers: { "content-type": "text/plain", origin: "http://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(res.status).toBe(401);
  });

  it("refuses a caller on another machine", async () => {
    const res = await api("POST", path, {
      baseUrl: dev.url,
      json: call,
      headers: { "x-forwarded-for": "203.0.113.9" },
    });
    expect(res.status).toBe(401);
  });

  it("answers the dev server on this machine", async () => {
    const res = await api("GET", "/api/inngest", { baseUrl: dev.url, headers: { "x-forwarded-for": "127.0.0.1" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: "dev" });
  });
});
