// The API through a client generated from its OpenAPI document (tests/support/api-types.ts): the
// calls type-check against the document, and every answer is checked against it by Ajv — its
// status must be declared for the operation and its JSON body must match the declared schema.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import createClient, { type Middleware } from "openapi-fetch";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { paths } from "../support/api-types";
import { api, baseUrl, createWorld, deliveryPayload, type World } from "./support";

type Document = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
  components: object;
};

let world: World;
let checked = 0;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

/** Fails the call when its answer is not what the document declares for the operation. */
function conformsToDocument(document: Document): Middleware {
  return {
    async onResponse({ request, response, schemaPath }) {
      const operation = document.paths[schemaPath]?.[request.method.toLowerCase()];
      const declared = operation?.responses[String(response.status)];
      if (!declared) throw new Error(`${request.method} ${schemaPath} answered an undeclared ${response.status}`);
      const type = response.headers.get("content-type")?.split(";")[0] ?? "";
      const schema = declared.content?.[type]?.schema;
      if (type.endsWith("json")) {
        if (!schema) throw new Error(`${request.method} ${schemaPath} ${response.status}: undeclared ${type}`);
        // The document's components beside the schema, so its "#/components/…" references resolve.
        const validate = ajv.compile({ ...schema, components: document.components });
        const body = await response.clone().json();
        if (!validate(body)) {
          throw new Error(`${request.method} ${schemaPath} ${response.status}: ${ajv.errorsText(validate.errors)}`);
        }
      }
      checked++;
      return response;
    },
  };
}

function clientFor(apiKey: string, document: Document) {
  const client = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${apiKey}` } });
  client.use(conformsToDocument(document));
  return client;
}

let document: Document;
beforeAll(async () => {
  world = await createWorld();
  document = (await api("GET", "/api/v1/openapi.json")).body;
});

beforeEach(() => {
  checked = 0;
});

describe("the generated client against the running API", () => {
  it("creates, replays, reads, lists, moves and tracks a delivery as the document says", async () => {
    const client = clientFor(world.partnerA.apiKey, document);
    const body = deliveryPayload({ productName: "Typed client" });

    const created = await client.POST("/api/v1/deliveries", { body });
    expect(created.response.status).toBe(201);
    const id = created.data!.id;
    const replay = await client.POST("/api/v1/deliveries", { body });
    expect(replay.response.status).toBe(200);
    expect(replay.data!.id).toBe(id);

    const read = await client.GET("/api/v1/deliveries/{id}", { params: { path: { id } } });
    expect(read.data!.trackingCode).toBe(created.data!.trackingCode);
    const page = await client.GET("/api/v1/deliveries", { params: { query: { limit: 5 } } });
    expect(page.data!.data.map((d) => d.id)).toContain(id);

    const cancelled = await client.POST("/api/v1/deliveries/{id}/status", {
      params: { path: { id }, header: { "If-Match": read.response.headers.get("etag") ?? undefined } },
      body: { status: "CANCELLED", reason: "Typed client test" },
    });
    expect(cancelled.data!.status).toBe("CANCELLED");
    const events = await client.GET("/api/v1/deliveries/{id}/events", { params: { path: { id } } });
    expect(events.data!.data.map((e) => [e.from, e.to])).toEqual([
      [null, "CREATED"],
      ["CREATED", "CANCELLED"],
    ]);
    const tracked = await client.GET("/api/v1/tracking/{trackingCode}", {
      params: { path: { trackingCode: created.data!.trackingCode } },
    });
    expect(tracked.data!.status).toBe("CANCELLED");
    expect(checked).toBe(7);
  });

  it("gets the problems the document declares for refused calls", async () => {
    const client = clientFor(world.partnerA.apiKey, document);
    const invalid = await client.POST("/api/v1/deliveries", {
      body: { ...deliveryPayload(), recipientEmail: "not an email" },
    });
    expect(invalid.response.status).toBe(400);
    expect(invalid.error!.errors?.map((e) => e.path)).toEqual(["recipientEmail"]);

    const other = (await client.POST("/api/v1/deliveries", { body: deliveryPayload() })).data!.id;
    const b = clientFor(world.partnerB.apiKey, document);
    expect((await b.GET("/api/v1/deliveries/{id}", { params: { path: { id: other } } })).response.status).toBe(404);

    const stale = await client.POST("/api/v1/deliveries/{id}/status", {
      params: { path: { id: other }, header: { "If-Match": '"99"' } },
      body: { status: "CANCELLED" },
    });
    expect(stale.response.status).toBe(412);
    const final = await client.POST("/api/v1/deliveries/{id}/status", {
      params: { path: { id: other } },
      body: { status: "COMPLETED" },
    });
    expect([403, 409]).toContain(final.response.status);

    const unknownKey = clientFor("dap_live_unknown", document);
    expect((await unknownKey.GET("/api/v1/deliveries")).response.status).toBe(401);
    expect(checked).toBe(6);
  });
});
