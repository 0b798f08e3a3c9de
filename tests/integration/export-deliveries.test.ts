// GET /api/v1/deliveries.csv: the list's view as CSV, streamed along the keyset — same filters,
// same scope, same order as the list — with spreadsheet formulas neutralised.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { EXPORT_COLUMNS } from "@/lib/deliveries/export-deliveries";
import { api, baseUrl, createDeliveryAs, createWorld, expectProblem, type World } from "./support";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

async function csv(path: string, apiKey: string) {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${apiKey}` } });
  const text = await res.text();
  return { res, text, rows: parse(text, { columns: true }) as Record<string, string>[] };
}

describe("CSV export", () => {
  it("streams every row of the view, across keyset pages, in the list's order and scope", async () => {
    // More than one export page (1,000 rows), written straight in: the export is what is tested.
    await db.$executeRaw`
      INSERT INTO "Delivery" ("id", "trackingCode", "partnerId", "createdByKind", "status", "pickupAddress",
        "dropoffAddress", "recipientName", "deliveryDate", "externalReference", "idempotencyKey",
        "requestFingerprint", "version", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), 'DLV-' || upper(substr(md5(random()::text), 1, 8)), ${world.partnerB.id}::uuid,
        'API_KEY', 'CREATED', g || ' Depot Rd', g || ' Main St', 'Bulk ' || g, current_date + 1, 'BULK-' || g,
        md5(random()::text), md5(g::text), 1, now() - g * interval '1 second', now()
      FROM generate_series(1, 2500) g`;
    const { res, rows } = await csv("/api/v1/deliveries.csv", world.partnerB.apiKey);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="deliveries-\d{4}-\d\d-\d\d\.csv"/);
    expect(rows).toHaveLength(2500);
    expect(Object.keys(rows[0])).toEqual([...EXPORT_COLUMNS]);
    expect(new Set(rows.map((r) => r.partner)).size).toBe(1);
    // Newest first, as the list: BULK-1 is the newest.
    expect(rows.slice(0, 3).map((r) => r.externalReference)).toEqual(["BULK-1", "BULK-2", "BULK-3"]);
    const oldestFirst = await csv("/api/v1/deliveries.csv?sort=createdAt.asc", world.partnerB.apiKey);
    expect(oldestFirst.rows[0].externalReference).toBe("BULK-2500");
  });

  it("applies the list's filters and matches the list API row for row", async () => {
    const made = await createDeliveryAs({ apiKey: world.partnerA.apiKey }, { externalReference: "EXP-ONE" });
    await createDeliveryAs({ apiKey: world.partnerA.apiKey }, { externalReference: "EXP-TWO" });
    const { rows } = await csv("/api/v1/deliveries.csv?q=EXP-ONE", world.partnerA.apiKey);
    const listed = await api("GET", "/api/v1/deliveries?q=EXP-ONE", { as: { apiKey: world.partnerA.apiKey } });
    expect(rows.map((r) => r.trackingCode)).toEqual(
      listed.body.data.map((d: { trackingCode: string }) => d.trackingCode),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      trackingCode: made.trackingCode,
      status: "CREATED",
      deliveryDate: made.deliveryDate,
      recipientName: made.recipientName,
      createdAt: made.createdAt,
    });
    // Another partner's export never contains it.
    const other = await csv("/api/v1/deliveries.csv?q=EXP-ONE", world.partnerB.apiKey);
    expect(other.rows).toHaveLength(0);
  });

  it("neutralises cells a spreadsheet would run as a formula", async () => {
    await createDeliveryAs(
      { apiKey: world.partnerA.apiKey },
      {
        recipientName: '=HYPERLINK("http://evil.example","click")',
        notes: "@SUM(1+1)",
        externalReference: "EXP-FORMULA",
      },
    );
    const { rows } = await csv("/api/v1/deliveries.csv?q=EXP-FORMULA", world.partnerA.apiKey);
    expect(rows[0].recipientName).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(rows[0].notes).toBe("'@SUM(1+1)");
  });

  it("neutralises a formula behind a separator, however a spreadsheet splits the cell", async () => {
    await createDeliveryAs(
      { apiKey: world.partnerA.apiKey },
      { dropoffAddress: "4 Elm Rd;=cmd|' /C calc'!A0", productName: "Books,+1", externalReference: "EXP-SEMI" },
    );
    const { text, rows } = await csv("/api/v1/deliveries.csv?q=EXP-SEMI", world.partnerA.apiKey);
    expect(rows[0].dropoffAddress).toBe("4 Elm Rd;'=cmd|' /C calc'!A0");
    expect(rows[0].productName).toBe("Books,'+1");
    // Every field is quoted, so a `;`-separated spreadsheet sees no bare formula either.
    for (const line of text.trim().split("\n")) expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
    for (const segment of text.split(/[,;\t\r\n]/)) expect(segment.replace(/^"/, "")).not.toMatch(/^[=+\-@]/);
  });

  it("refuses a bad filter or sort with a 400 problem before streaming anything", async () => {
    for (const query of ["sort=price.desc", "status=LOST", "from=yesterday"]) {
      const res = await api("GET", `/api/v1/deliveries.csv?${query}`, { as: { apiKey: world.partnerA.apiKey } });
      expectProblem(res, 400);
    }
  });
});
