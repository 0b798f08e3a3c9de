// Bad input of every kind answers 4xx application/problem+json, never 5xx, and never writes
// (DESIGN §5–6): wrong types, missing and unknown fields, limits, past dates, malformed JSON,
// wrong content types and huge bodies.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  api,
  baseUrl,
  createDeliveryAs,
  createWorld,
  deliveryPayload,
  errorPaths,
  expectProblem,
  futureDate,
  type Caller,
  type World,
} from "./support";

let world: World;
let keyA: Caller;
let admin: Caller;

beforeAll(async () => {
  world = await createWorld();
  keyA = { apiKey: world.partnerA.apiKey };
  admin = { cookie: world.admin.cookie };
});

const deliveriesOfA = () => db.delivery.count({ where: { partnerId: world.partnerA.id } });
const today = () => new Date().toISOString().slice(0, 10);
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** POSTs a create request and asserts a 400 validation problem naming exactly `paths`. */
async function expectRejected(json: unknown, paths: string[]) {
  const before = await deliveriesOfA();
  const res = await api("POST", "/api/v1/deliveries", { as: keyA, json });
  const problem = expectProblem(res, 400);
  expect(problem.type).toBe("/problems/validation-failed");
  // A field may carry more than one message (e.g. format and range); each path is named once here.
  expect([...new Set(errorPaths(res))].sort()).toEqual([...paths].sort());
  for (const e of problem.errors!) expect(e.message).toEqual(expect.any(String));
  expect(await deliveriesOfA()).toBe(before);
  return problem;
}

describe("create: wrong types", () => {
  it.each<[string, Record<string, unknown>]>([
    ["pickupAddress", { pickupAddress: 12 }],
    ["dropoffAddress", { dropoffAddress: { street: "Elm" } }],
    ["recipientName", { recipientName: ["Ada"] }],
    ["recipientPhone", { recipientPhone: 5551234 }],
    ["recipientEmail", { recipientEmail: true }],
    ["productName", { productName: 7 }],
    ["packageWeightKg", { packageWeightKg: "2.5" }],
    ["deliveryDate", { deliveryDate: 20300115 }],
    ["notes", { notes: ["a", "b"] }],
    ["externalReference", { externalReference: 1234 }],
  ])("rejects a wrong type for %s", async (path, override) => {
    await expectRejected(deliveryPayload(override), [path]);
  });

  it("rejects non-finite and non-numeric weights", async () => {
    await expectRejected({ ...deliveryPayload(), packageWeightKg: "NaN" }, ["packageWeightKg"]);
    const res = await api("POST", "/api/v1/deliveries", {
      as: keyA,
      body: JSON.stringify(deliveryPayload()).replace(/}$/, ',"packageWeightKg":1e400}'),
      headers: { "content-type": "application/json" },
    });
    expectProblem(res, 400);
    expect(errorPaths(res)).toEqual(["packageWeightKg"]);
  });
});

describe("create: missing and unknown fields", () => {
  it("names every missing required field", async () => {
    await expectRejected({}, ["pickupAddress", "dropoffAddress", "recipientName", "deliveryDate"]);
  });

  it.each(["pickupAddress", "dropoffAddress", "recipientName", "deliveryDate"])(
    "rejects a payload without %s",
    async (field) => {
      const payload: Record<string, unknown> = deliveryPayload();
      delete payload[field];
      await expectRejected(payload, [field]);
    },
  );

  it.each(["pickupAddress", "dropoffAddress", "recipientName"])("rejects a blank %s", async (field) => {
    await expectRejected(deliveryPayload({ [field]: "   \t " }), [field]);
    await expectRejected(deliveryPayload({ [field]: null }), [field]);
  });

  it("rejects unknown fields, naming them", async () => {
    const problem = await expectRejected({ ...deliveryPayload(), priority: "high", status: "COMPLETED" }, ["(body)"]);
    expect(problem.errors![0].message).toMatch(/priority/);
    expect(problem.errors![0].message).toMatch(/status/);
  });

  it("rejects fields the server owns (id, version) and a partner naming a partnerId", async () => {
    // partnerId is for admins only (they must name it); a partner's key may not.
    await expectRejected({ ...deliveryPayload(), partnerId: world.partnerB.id }, ["partnerId"]);
    await expectRejected({ ...deliveryPayload(), version: 9 }, ["(body)"]);
    await expectRejected({ ...deliveryPayload(), id: "00000000-0000-4000-8000-000000000000" }, ["(body)"]);
  });

  it("rejects a __proto__ member instead of merging it", async () => {
    const res = await api("POST", "/api/v1/deliveries", {
      as: keyA,
      body: JSON.stringify(deliveryPayload()).replace(/}$/, ',"__proto__":{"partnerId":"x"}}'),
      headers: { "content-type": "application/json" },
    });
    expectProblem(res, 400);
  });
});

describe("create: limits and formats", () => {
  const LIMITS: [string, number][] = [
    ["pickupAddress", 500],
    ["dropoffAddress", 500],
    ["recipientName", 200],
    ["productName", 200],
    ["notes", 2000],
    ["externalReference", 100],
  ];

  it.each(LIMITS)("rejects %s longer than %i characters and accepts exactly that many", async (field, max) => {
    await expectRejected(deliveryPayload({ [field]: "x".repeat(max + 1) }), [field]);
    const ok = await api("POST", "/api/v1/deliveries", {
      as: keyA,
      json: deliveryPayload({ [field]: "y".repeat(max) }),
    });
    expect(ok.status).toBe(201);
    expect(ok.body[field]).toHaveLength(max);
  });

  it("counts a length after trimming", async () => {
    const ok = await api("POST", "/api/v1/deliveries", {
      as: keyA,
      json: deliveryPayload({ recipientName: `  ${"z".repeat(200)}  ` }),
    });
    expect(ok.status).toBe(201);
  });

  it("rejects a phone number that is too long or not a phone number", async () => {
    await expectRejected(deliveryPayload({ recipientPhone: "+1 " + "5".repeat(31) }), ["recipientPhone"]);
    await expectRejected(deliveryPayload({ recipientPhone: "call me" }), ["recipientPhone"]);
    expect(
      (
        await api("POST", "/api/v1/deliveries", {
          as: keyA,
          json: deliveryPayload({ recipientPhone: "+44 (20) 7946-0958" }),
        })
      ).status,
    ).toBe(201);
  });

  it("rejects an invalid or too long email", async () => {
    await expectRejected(deliveryPayload({ recipientEmail: "not-an-email" }), ["recipientEmail"]);
    await expectRejected(deliveryPayload({ recipientEmail: `${"a".repeat(250)}@example.com` }), ["recipientEmail"]);
  });

  it.each([0, -1, 1000.001, 1e6])("rejects a package weight of %s kg", async (weight) => {
    await expectRejected(deliveryPayload({ packageWeightKg: weight }), ["packageWeightKg"]);
  });

  it.each([0.0004, 0.0005, 12.3456, 0.1 + 0.2])(
    "refuses a package weight of %s kg rather than round it to whole grams",
    async (weight) => {
      const problem = await expectRejected(deliveryPayload({ packageWeightKg: weight }), ["packageWeightKg"]);
      expect(problem.errors).toEqual([{ path: "packageWeightKg", message: "At most 3 decimal places (whole grams)" }]);
    },
  );

  it("keeps a weight with three decimals exactly", async () => {
    for (const weight of [1.005, 999.999, 0.5]) {
      const res = await api("POST", "/api/v1/deliveries", {
        as: keyA,
        json: deliveryPayload({ packageWeightKg: weight }),
      });
      expect(res.status).toBe(201);
      expect(res.body.packageWeightKg).toBe(weight);
      const row = await db.delivery.findUniqueOrThrow({ where: { id: res.body.id } });
      expect(row.packageWeightKg?.toString()).toBe(String(weight));
    }
  });

  it("accepts a package weight of 1000 kg and of 0.001 kg", async () => {
    for (const weight of [1000, 0.001]) {
      const res = await api("POST", "/api/v1/deliveries", {
        as: keyA,
        json: deliveryPayload({ packageWeightKg: weight }),
      });
      expect(res.status).toBe(201);
      expect(res.body.packageWeightKg).toBe(weight);
    }
  });

  it("rejects a delivery date in the past", async () => {
    const problem = await expectRejected(deliveryPayload({ deliveryDate: yesterday() }), ["deliveryDate"]);
    expect(problem.errors![0].message).toMatch(/today or later/i);
    await expectRejected(deliveryPayload({ deliveryDate: "1999-12-31" }), ["deliveryDate"]);
  });

  it("accepts today as the delivery date", async () => {
    const res = await api("POST", "/api/v1/deliveries", { as: keyA, json: deliveryPayload({ deliveryDate: today() }) });
    expect(res.status).toBe(201);
    expect(res.body.deliveryDate).toBe(today());
  });

  it.each(["2030-02-30", "2030-13-01", "15/01/2030", "2030-1-5", `${futureDate()}T10:00:00Z`, "tomorrow", ""])(
    "rejects the delivery date %j",
    async (deliveryDate) => {
      await expectRejected(deliveryPayload({ deliveryDate }), ["deliveryDate"]);
    },
  );

  it("answers SQL- and markup-looking text as plain data", async () => {
    const text = `'); DROP TABLE "Delivery"; -- <script>alert(1)</script>`;
    const res = await api("POST", "/api/v1/deliveries", {
      as: keyA,
      json: deliveryPayload({ notes: text, recipientName: "Ünïcødé 名前 👋" }),
    });
    expect(res.status).toBe(201);
    expect(res.body.notes).toBe(text);
    expect(res.body.recipientName).toBe("Ünïcødé 名前 👋");
  });
});

describe("create: body syntax, media type and size", () => {
  const send = (body: string | undefined, contentType?: string, as: Caller = keyA) =>
    api("POST", "/api/v1/deliveries", { as, body, headers: contentType ? { "content-type": contentType } : {} });

  it.each(["{", '{"pickupAddress": }', "{'single': 'quotes'}", "[1, 2", "nul", "\u0000"])(
    "answers malformed JSON %j with 400",
    async (body) => {
      const before = await deliveriesOfA();
      const problem = expectProblem(await send(body, "application/json"), 400);
      expect(problem.type).toBe("/problems/bad-request");
      expect(await deliveriesOfA()).toBe(before);
    },
  );

  it("answers an empty body with 400", async () => {
    expectProblem(await send("", "application/json"), 400);
    expectProblem(await send(undefined, "application/json"), 400);
  });

  it.each(["[]", "null", '"a string"', "42", "true"])(
    "answers the JSON value %s (not an object) with 400",
    async (body) => {
      const res = await send(body, "application/json");
      expectProblem(res, 400);
      expect(errorPaths(res)).toEqual(["(body)"]);
    },
  );

  it.each([
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/jsonx",
    "application/xml",
  ])("answers content type %s with 415", async (type) => {
    const before = await deliveriesOfA();
    const res = await send(JSON.stringify(deliveryPayload()), type);
    expect(expectProblem(res, 415).type).toBe("/problems/unsupported-media-type");
    expect(await deliveriesOfA()).toBe(before);
  });

  it("answers a missing content type with 415", async () => {
    const res = await fetch(`${baseUrl}/api/v1/deliveries`, {
      method: "POST",
      headers: { authorization: `Bearer ${world.partnerA.apiKey}` },
      body: new Blob([JSON.stringify(deliveryPayload())]),
    });
    expect(res.status).toBe(415);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("accepts application/json with a charset and application/*+json", async () => {
    expect((await send(JSON.stringify(deliveryPayload()), "application/json; charset=utf-8")).status).toBe(201);
    expect((await send(JSON.stringify(deliveryPayload()), "application/merge-patch+json")).status).toBe(201);
  });

  it("answers a body over the size limit with 413 (declared length)", async () => {
    const before = await deliveriesOfA();
    const huge = JSON.stringify(deliveryPayload({ notes: "n".repeat(70 * 1024) }));
    expect(expectProblem(await send(huge, "application/json"), 413).type).toBe("/problems/payload-too-large");
    const enormous = JSON.stringify({ ...deliveryPayload(), padding: "p".repeat(5 * 1024 * 1024) });
    expectProblem(await send(enormous, "application/json"), 413);
    expect(await deliveriesOfA()).toBe(before);
  });

  it("answers a streamed body over the size limit with 413 (no declared length)", async () => {
    // Chunked upload on its own connection (node:http, no keep-alive pool): the server must stop
    // reading at the limit and answer, not buffer the whole stream.
    const { request } = await import("node:http");
    const url = new URL("/api/v1/deliveries", baseUrl);
    type Answer = { status: number; headers: Record<string, unknown>; body: string };
    // One upload; null when the connection broke before any answer could be read (see below).
    const upload = () =>
      new Promise<Answer | null>((resolve, reject) => {
        const req = request(
          url,
          {
            method: "POST",
            agent: false,
            headers: {
              authorization: `Bearer ${world.partnerA.apiKey}`,
              "content-type": "application/json",
              "transfer-encoding": "chunked",
            },
          },
          (response) => {
            let body = "";
            response.on("data", (c) => (body += c));
            response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body }));
          },
        );
        // The server answers at the limit and closes while we are still sending; a write can then
        // fail (EPIPE/ECONNRESET) and the reset may drop the answer before Node reads it. That is
        // TCP racing our upload, not the server failing: give the answer a moment, else try again.
        req.on("error", (error: NodeJS.ErrnoException) => {
          if (error.code !== "EPIPE" && error.code !== "ECONNRESET") return reject(error);
          setTimeout(() => resolve(null), 1000);
        });
        req.write('{"notes":"');
        const chunk = "x".repeat(16 * 1024);
        let sent = 0;
        const pump = () => {
          while (sent < 64 && !req.destroyed) {
            sent++;
            if (!req.write(chunk)) return req.once("drain", pump);
          }
          if (!req.destroyed) req.end('"}');
        };
        pump();
      });
    let res: Answer | null = null;
    for (let attempt = 0; attempt < 3 && !res; attempt++) res = await upload();
    if (!res) throw new Error("three uploads in a row lost the answer to a connection reset");
    expect(res.status).toBe(413);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(res.body)).toMatchObject({ status: 413, type: "/problems/payload-too-large" });
  });

  it("checks credentials before reading the body", async () => {
    expectProblem(await send("{", "text/plain", null), 401);
    expectProblem(await send("{", "application/json", { apiKey: world.revokedKey }), 401);
  });
});

describe("status change: bad input", () => {
  let id: string;
  beforeAll(async () => {
    id = (await createDeliveryAs(keyA)).id;
  });
  const move = (body: string, contentType = "application/json") =>
    api("POST", `/api/v1/deliveries/${id}/status`, { as: admin, body, headers: { "content-type": contentType } });

  it.each<[string, unknown, string[]]>([
    ["an unknown status", { status: "SHIPPED" }, ["status"]],
    ["a lower-case status", { status: "cancelled" }, ["status"]],
    ["a missing status", { reason: "why" }, ["status"]],
    ["a status of the wrong type", { status: 3 }, ["status"]],
    ["a reason of the wrong type", { status: "FAILED", reason: 42 }, ["reason"]],
    ["a reason over 500 characters", { status: "FAILED", reason: "r".repeat(501) }, ["reason"]],
    ["an unknown field", { status: "CANCELLED", version: 1 }, ["(body)"]],
  ])("answers %s with 400 and leaves the delivery alone", async (_label, body, paths) => {
    const res = await move(JSON.stringify(body));
    expect(expectProblem(res, 400).type).toBe("/problems/validation-failed");
    expect(errorPaths(res)).toEqual(paths);
    const row = await db.delivery.findUniqueOrThrow({ where: { id } });
    expect([row.status, row.version]).toEqual(["CREATED", 1]);
  });

  it("answers malformed JSON with 400, a wrong content type with 415 and a huge body with 413", async () => {
    expectProblem(await move('{"status":'), 400);
    expectProblem(await move(JSON.stringify({ status: "CANCELLED" }), "text/plain"), 415);
    expectProblem(await move(JSON.stringify({ status: "FAILED", reason: "r".repeat(100 * 1024) })), 413);
    expect((await db.delivery.findUniqueOrThrow({ where: { id } })).status).toBe("CREATED");
  });
});

describe("reads: bad input", () => {
  it.each([
    "status=%00",
    "limit=1e3",
    "from=2030-01-01T00:00:00",
    "to=31-12-2030",
    "cursor=%F0%28%8C%BC",
    "partnerId=00000000-0000-0000-0000-00000000000g",
  ])("answers the list query %s with 400", async (query) => {
    expectProblem(await api("GET", `/api/v1/deliveries?${query}`, { as: admin }), 400);
  });

  it.each([
    ["GET", "/api/v1/nope"],
    ["POST", "/api/v1/deliveries/00000000-0000-4000-8000-000000000000/unknown"],
    ["GET", "/api/v2/deliveries"],
  ])("answers %s %s (no such route) with a 404 problem", async (method, path) => {
    expectProblem(await api(method, path, { as: keyA, json: method === "POST" ? {} : undefined }), 404);
  });

  it("ignores unknown query parameters", async () => {
    expect((await api("GET", "/api/v1/deliveries?foo=bar&limit=1", { as: keyA })).status).toBe(200);
  });

  it.each(["not-a-uuid", "00000000-0000-0000-0000-000000000000", "%27%20OR%201=1--", "x".repeat(300)])(
    "answers GET /deliveries/%s with 404, also for its events",
    async (id) => {
      expectProblem(await api("GET", `/api/v1/deliveries/${id}`, { as: admin }), 404);
      expectProblem(await api("GET", `/api/v1/deliveries/${id}/events`, { as: admin }), 404);
    },
  );

  it.each(["DLV-0000000O", "dlv-", "%27;--", "x".repeat(300)])("answers tracking code %s with 404", async (code) => {
    expectProblem(await api("GET", `/api/v1/tracking/${code}`), 404);
  });
});
