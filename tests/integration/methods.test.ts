// Every API route answers a method it does not serve with 405, an Allow header naming what it
// does serve, a problem body and a request id — found from the route files themselves.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { discoverApiRoutes } from "./matrix/discover";
import { api, PROBLEM_CONTENT_TYPE } from "./support";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const SAMPLE: Record<string, string> = {
  id: "00000000-0000-4000-8000-000000000000",
  kind: "photo",
  asset: "swagger-ui.css",
  trackingCode: "DLV-7Q4K9M2X",
};

/** Each API route (but the catch-all, Auth.js's and Inngest's) with the methods it serves. */
function routes(): { path: string; served: string[] }[] {
  const served = new Map<string, string[]>();
  for (const route of discoverApiRoutes(path.resolve(import.meta.dirname, "../../app"))) {
    const [method, pattern] = route.split(" ");
    if (pattern.includes("[...") || pattern.startsWith("/api/inngest")) continue;
    served.set(pattern, [...(served.get(pattern) ?? []), method]);
  }
  return [...served].map(([pattern, methods]) => ({
    path: pattern.replace(/\[(\w+)\]/g, (_, name: string) => SAMPLE[name]),
    served: methods,
  }));
}

describe("methods a route does not serve", () => {
  const cases = routes().flatMap((r) =>
    METHODS.filter((m) => !r.served.includes(m)).map((m) => [m, r.path, r.served] as const),
  );

  it("covers every API route", () => {
    expect(cases.length).toBeGreaterThan(60);
  });

  it.each(cases)("%s %s → 405 with Allow, a problem and a request id", async (method, url, served) => {
    const res = await api(method, url, { json: method === "GET" ? undefined : {} });
    expect(res.status).toBe(405);
    const allow = (res.headers.get("allow") ?? "").split(/,\s*/);
    expect(allow).toEqual(expect.arrayContaining([...served, "OPTIONS"]));
    expect(allow).not.toContain(method);
    expect(res.headers.get("content-type")).toMatch(PROBLEM_CONTENT_TYPE);
    expect(res.body).toMatchObject({ status: 405, title: "Method not allowed" });
    expect(res.headers.get("x-request-id")).toMatch(/^[\w.:-]+$/);
  });
});
