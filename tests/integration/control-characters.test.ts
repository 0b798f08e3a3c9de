// NUL and other control characters wherever text reaches the server (query values, path segments,
// JSON strings, headers, CSV cells): each is a 400 problem naming the field (a CSV cell: a row error
// naming the column), never the 500 PostgreSQL's refusal of NUL used to cause; nothing is written.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDeliverySchema } from "@/lib/deliveries/schemas";
import { api, createDeliveryAs, createWorld, deliveryPayload, expectProblem, type World } from "./support";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

/** C0 controls but tab, line feed and carriage return; DEL; C1. */
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, i) => i).filter((c) => ![0x09, 0x0a, 0x0d].includes(c)),
  0x7f,
  0x85,
  0x9f,
].map((c) => String.fromCharCode(c));
const control = fc.constantFrom(...CONTROLS);
/** A value with a control character somewhere in it. */
const hostile = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9 -]{0,8}$/), control, fc.stringMatching(/^[A-Za-z0-9 -]{0,8}$/))
  .map(([a, c, b]) => a + c + b);
const RUNS = { numRuns: 25 };

function expectNamed(res: Awaited<ReturnType<typeof api>>, field: string) {
  const problem = expectProblem(res, 400);
  expect(problem.errors?.map((e) => e.path)).toContain(field);
}

describe("query values", () => {
  it("GET /api/v1/deliveries?q=%00 is a 400 naming q", async () => {
    expectNamed(await api("GET", "/api/v1/deliveries?q=%00", { as: { apiKey: world.partnerA.apiKey } }), "q");
  });

  it("are refused in every query parameter of every listing, known or not", async () => {
    const routes: [string, string[], { cookie: string } | { apiKey: string }][] = [
      [
        "/api/v1/deliveries",
        ["q", "status", "from", "to", "partnerId", "assigneeId", "limit", "cursor", "x"],
        { cookie: world.admin.cookie },
      ],
      [
        "/api/v1/deliveries.csv",
        ["q", "status", "from", "to", "partnerId", "sort", "x"],
        { cookie: world.admin.cookie },
      ],
      ["/api/v1/notifications", ["unread", "limit", "x"], { cookie: world.partnerA.cookie }],
      ["/api/v1/imports", ["x"], { cookie: world.partnerA.cookie }],
      ["/api/v1/couriers", ["x"], { cookie: world.admin.cookie }],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.nat(), hostile, async ([path, fields, as], i, value) => {
        const field = fields[i % fields.length];
        const res = await api("GET", `${path}?${new URLSearchParams({ [field]: value })}`, { as });
        expectNamed(res, field);
      }),
      RUNS,
    );
  });
});

describe("path segments", () => {
  it("are refused in every id and tracking code", async () => {
    const as = { cookie: world.admin.cookie };
    const routes: [string, (seg: string) => string, string][] = [
      ["GET", (s) => `/api/v1/deliveries/${s}`, "id"],
      ["GET", (s) => `/api/v1/deliveries/${s}/events`, "id"],
      ["POST", (s) => `/api/v1/deliveries/${s}/status`, "id"],
      ["GET", (s) => `/api/v1/tracking/${s}`, "trackingCode"],
      ["GET", (s) => `/api/v1/imports/${s}`, "id"],
      ["POST", (s) => `/api/v1/notifications/${s}/read`, "id"],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), hostile, async ([method, path, field], value) => {
        const res = await api(method, path(encodeURIComponent(value)), {
          as,
          json: method === "POST" ? { status: "CANCELLED" } : undefined,
        });
        expectNamed(res, field);
      }),
      RUNS,
    );
  });
});

describe("JSON strings", () => {
  const textFields = Object.keys(createDeliverySchema.shape).filter((f) => f !== "packageWeightKg");

  it("are refused in every field of a new delivery, and nothing is created", async () => {
    const as = { apiKey: world.partnerA.apiKey };
    const before = await db.delivery.count({ where: { partnerId: world.partnerA.id } });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...textFields), hostile, async (field, value) => {
        const res = await api("POST", "/api/v1/deliveries", { as, json: deliveryPayload({ [field]: value }) });
        expectNamed(res, field);
      }),
      RUNS,
    );
    expect(await db.delivery.count({ where: { partnerId: world.partnerA.id } })).toBe(before);
  });

  it("are refused in an unknown member's name too", async () => {
    const res = await api("POST", "/api/v1/deliveries", {
      as: { apiKey: world.partnerA.apiKey },
      json: { ...deliveryPayload(), "bad\u0000key": "x" },
    });
    expectNamed(res, "bad\uFFFDkey");
  });

  it("keep line breaks out of a search term, but allow them in text a cell may hold", async () => {
    const as = { apiKey: world.partnerA.apiKey };
    expectNamed(await api("GET", `/api/v1/deliveries?q=${encodeURIComponent("Ada\nEvil")}`, { as }), "q");
    const ok = await api("POST", "/api/v1/deliveries", {
      as,
      json: deliveryPayload({ notes: "Ring twice.\nLeave at the door." }),
    });
    expect(ok.status).toBe(201);
  });

  it("are refused in a transition's reason, and the delivery stays as it was", async () => {
    const delivery = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
    await fc.assert(
      fc.asyncProperty(hostile, async (reason) => {
        const res = await api("POST", `/api/v1/deliveries/${delivery.id}/status`, {
          as: { cookie: world.admin.cookie },
          json: { status: "FAILED", reason },
        });
        expectNamed(res, "reason");
      }),
      { numRuns: 10 },
    );
    expect((await db.delivery.findUniqueOrThrow({ where: { id: delivery.id } })).status).toBe("CREATED");
  });
});

describe("headers and CSV cells", () => {
  const csv = (cell: string) =>
    `pickupAddress,dropoffAddress,recipientName,deliveryDate\n1 A St,2 B St,"${cell}",2099-01-01\n`;

  it("refuse a file name with a control character", async () => {
    const res = await api("POST", "/api/v1/imports", {
      as: { cookie: world.partnerA.cookie },
      body: csv("Ada"),
      headers: { "content-type": "text/csv", "x-file-name": "evil%00.csv" },
    });
    expectNamed(res, "X-File-Name");
  });

  it("report a cell with a control character as that row's error, naming the column", async () => {
    const res = await api("POST", "/api/v1/imports", {
      as: { cookie: world.partnerA.cookie },
      body: csv("Ada\u0001"),
      headers: { "content-type": "text/csv" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ validRows: 0, invalidRows: 1 });
    expect(res.body.errors).toEqual([expect.objectContaining({ row: 2, column: "recipientName" })]);
  });
});
