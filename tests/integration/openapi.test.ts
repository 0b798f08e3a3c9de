// The API documentation: generated from the handlers' own schemas and served without any CDN.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDeliveryRequestSchema, LIMITS } from "@/lib/deliveries/schemas";
import { api, baseUrl } from "./support";

const root = path.resolve(import.meta.dirname, "../..");

/** Every route file under app/api/v1, as an OpenAPI path (`[id]` → `{id}`). */
function v1Routes(): string[] {
  const dir = path.join(root, "app/api/v1");
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith("route.ts"))
    .map((f) => `/api/v1/${path.dirname(f)}`.replace(/\[(\w+)\]/g, "{$1}"))
    .filter((p) => !p.startsWith("/api/v1/docs") && p !== "/api/v1/openapi.json");
}

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 and documents every v1 route in the source tree", async () => {
    const { status, body } = await api("GET", "/api/v1/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    for (const route of v1Routes()) expect(Object.keys(body.paths), route).toContain(route);
  });

  it("describes the create body from the schema the handler validates with", async () => {
    const { body } = await api("GET", "/api/v1/openapi.json");
    const schema = body.components.schemas.CreateDeliveryRequest;
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(createDeliveryRequestSchema.shape).sort());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required.sort()).toEqual(["dropoffAddress", "pickupAddress", "recipientName"]);
    // A delivery date, or a drop-off window it is derived from.
    expect(schema.anyOf).toEqual([{ required: ["deliveryDate"] }, { required: ["dropoffWindow"] }]);
    expect(schema.properties.pickupAddress.maxLength).toBe(LIMITS.address);
  });

  it("documents idempotency headers, problem responses and the bearer scheme", async () => {
    const { body } = await api("GET", "/api/v1/openapi.json");
    const create = body.paths["/api/v1/deliveries"].post;
    expect(create.parameters.map((p: { name: string }) => p.name)).toContain("Idempotency-Key");
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(["200", "201", "400", "401", "422"]));
    expect(create.responses["201"].headers).toHaveProperty("Location");
    expect(create.responses["200"].headers).toHaveProperty("Idempotent-Replayed");
    expect(create.responses["422"].content).toHaveProperty("application/problem+json");
    const transition = body.paths["/api/v1/deliveries/{id}/status"].post;
    expect(Object.keys(transition.responses)).toEqual(expect.arrayContaining(["409", "412"]));
    expect(transition.parameters.map((p: { name: string }) => p.name)).toContain("If-Match");
    expect(body.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
  });
});

describe("OpenAPI operations", () => {
  type Op = { operationId?: string; tags?: string[]; security?: unknown[]; requestBody?: any; responses: object };
  async function operations(): Promise<[string, Op][]> {
    const { body } = await api("GET", "/api/v1/openapi.json");
    return Object.entries(body.paths as Record<string, Record<string, Op>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Op]),
    );
  }

  it("names every operation once and files it under a declared tag", async () => {
    const { body } = await api("GET", "/api/v1/openapi.json");
    const tags = new Set(body.tags.map((t: { name: string }) => t.name));
    const ops = await operations();
    const ids = ops.map(([, op]) => op.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [name, op] of ops) {
      expect(op.tags?.length, name).toBeGreaterThan(0);
      for (const tag of op.tags ?? []) expect(tags.has(tag), `${name}: ${tag}`).toBe(true);
    }
  });

  it("declares the answers every handler of a kind may give", async () => {
    for (const [name, op] of await operations()) {
      const statuses = Object.keys(op.responses);
      expect(Array.isArray(op.security), name).toBe(true);
      if (op.security!.length) expect(statuses, name).toEqual(expect.arrayContaining(["401", "429"]));
      if (op.requestBody?.content?.["application/json"])
        expect(statuses, name).toEqual(expect.arrayContaining(["400", "413", "415"]));
    }
  });

  it("declares the first history event's `from` as null", async () => {
    const { body } = await api("GET", "/api/v1/openapi.json");
    const from = body.components.schemas.StatusEvent.properties.from;
    expect(from.anyOf).toEqual(expect.arrayContaining([{ type: "null" }]));
  });
});

describe("Swagger UI", () => {
  it("is served with its assets from this origin only", async () => {
    const page = await fetch(`${baseUrl}/api/v1/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of urls) {
      expect(url.startsWith("/"), url).toBe(true);
      const asset = await fetch(new URL(url, baseUrl));
      expect(asset.status, url).toBe(200);
    }
    expect(html).not.toMatch(/https?:\/\//);
  });
});
