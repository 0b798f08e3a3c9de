// Property-based hostile input: any JSON value, header value, content type or query
// string gets a 4xx problem+json or a success from the create, transition and list routes;
// never a 5xx, never a non-problem error.
import fc from "fast-check";
import { createDeliverySchema } from "@/lib/deliveries/schemas";
import { beforeAll, describe, expect, it } from "vitest";
import {
  api,
  createDeliveryAs,
  createWorld,
  deliveryPayload,
  PROBLEM_CONTENT_TYPE,
  type ApiResponse,
  type Caller,
  type World,
} from "./support";

let world: World;
let as: { apiKey: string };
beforeAll(async () => {
  world = await createWorld();
  as = { apiKey: world.partnerA.apiKey };
});

/** What every answer must look like: a success, or a problem with a 4xx status. */
function expectHandled(res: ApiResponse, successes: number[]) {
  if (successes.includes(res.status)) return;
  const context = `${res.status} ${res.headers.get("content-type")} ${JSON.stringify(res.body)}`;
  expect(res.status, context).toBeGreaterThanOrEqual(400);
  expect(res.status, context).toBeLessThan(500);
  expect(res.headers.get("content-type"), context).toMatch(PROBLEM_CONTENT_TYPE);
  expect(res.body.status, context).toBe(res.status);
}

/** Header values fetch can send: visible ASCII, spaces, tabs and Latin-1, no line breaks. */
const headerValue = fc
  .array(fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }), fc.constant(0x09)), {
    maxLength: 300,
  })
  .map((codes) => String.fromCharCode(...codes));

const FIELDS = Object.keys(createDeliverySchema.shape);
/** Objects shaped like a create request whose values are anything JSON can hold. */
const almostPayload = fc.dictionary(
  fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 10 })),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 12 },
);
const RUNS = { numRuns: 40 };

describe("POST /api/v1/deliveries under hostile input", () => {
  it("answers any JSON value with a success or a 4xx problem", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          almostPayload,
          almostPayload.map((p) => ({ ...deliveryPayload(), ...p })),
        ),
        async (body) => {
          expectHandled(
            await api("POST", "/api/v1/deliveries", {
              as,
              body: JSON.stringify(body),
              headers: { "content-type": "application/json" },
            }),
            [200, 201],
          );
        },
      ),
      RUNS,
    );
  });

  it("answers any text body with any content type with a success or a 4xx problem", async () => {
    await fc.assert(
      fc.asyncProperty(
        headerValue,
        fc.oneof(fc.string({ maxLength: 200 }), fc.constant(JSON.stringify(deliveryPayload()))),
        async (type, body) => {
          expectHandled(
            await api("POST", "/api/v1/deliveries", { as, body, headers: { "content-type": type } }),
            [200, 201],
          );
        },
      ),
      RUNS,
    );
  });

  it("answers any Idempotency-Key and Authorization header with a success or a 4xx problem", async () => {
    await fc.assert(
      fc.asyncProperty(headerValue, fc.option(headerValue), async (key, authorization) => {
        const headers: Record<string, string> = { "idempotency-key": key };
        const caller = authorization === null ? as : { authorization };
        expectHandled(
          await api("POST", "/api/v1/deliveries", { as: caller, json: deliveryPayload(), headers }),
          [200, 201],
        );
      }),
      RUNS,
    );
  });
});

describe("POST /api/v1/deliveries/{id}/status under hostile input", () => {
  it("answers any JSON body, If-Match and id with a success or a 4xx problem", async () => {
    const delivery = await createDeliveryAs(as);
    const target = fc.oneof(
      fc.constant(delivery.id),
      fc.uuid(),
      fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
    );
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          status: fc.oneof(fc.constantFrom("CANCELLED", "IN_TRANSIT", "cancelled"), fc.jsonValue()),
          reason: fc.jsonValue(),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(target, body, fc.option(headerValue), async (id, json, ifMatch) => {
        const headers: Record<string, string> = ifMatch === null ? {} : { "if-match": ifMatch };
        expectHandled(await api("POST", `/api/v1/deliveries/${id}/status`, { as, json, headers }), [200]);
      }),
      RUNS,
    );
  });
});

describe("GET /api/v1/deliveries under hostile input", () => {
  it("answers any query string with a page or a 4xx problem", async () => {
    const name = fc.oneof(
      fc.constantFrom("status", "q", "from", "to", "partnerId", "limit", "cursor", "toString", "__proto__"),
      fc.string({ maxLength: 8 }),
    );
    const query = fc.array(fc.tuple(name, fc.string({ maxLength: 120 })), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(query, async (pairs) => {
        const search = new URLSearchParams(pairs).toString();
        expectHandled(await api("GET", `/api/v1/deliveries?${search}`, { as }), [200]);
      }),
      RUNS,
    );
  });
});

describe("query keys named like Object members", () => {
  // A query object built by assignment would find these on Object.prototype instead of the query.
  const NAMES = ["toString", "valueOf", "constructor", "hasOwnProperty", "__proto__", "__defineGetter__"];
  const PATHS = [
    "/api/v1/deliveries",
    "/api/v1/deliveries.csv",
    "/api/v1/imports",
    "/api/v1/notifications",
    "/track",
    "/sign-in",
  ];

  const PAGES = [
    ["admin", "/deliveries"],
    ["admin", "/admin/emails"],
    ["admin", "/admin/runs"],
    ["admin", "/deliveries/new"],
    ["courier", "/courier"],
  ] as const;

  async function expectNoServerError(path: string, caller: Caller) {
    for (const name of NAMES) {
      for (const value of ["", "x", "1"]) {
        const res = await api("GET", `${path}?${name}=${value}&${name}=${value}`, { as: caller });
        expect(res.status, `${path}?${name}=${value}`).toBeLessThan(500);
      }
    }
  }

  it.each(PATHS)("%s answers them as unknown or ordinary fields", async (path) => {
    await expectNoServerError(path, as);
  });

  it.each(PAGES)("the %s's page %s renders with them", async (who, path) => {
    await expectNoServerError(path, { cookie: world[who].cookie });
  });
});
