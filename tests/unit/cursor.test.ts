// List cursors come back from clients: only what this API wrote decodes; anything else — bad
// base64, bad JSON, wrong types, a malformed id, an instant outside what the database holds — is
// refused before it can reach a query.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCursor, writeCursor } from "@/lib/core/cursor";
import { listDeliveriesQuerySchema } from "@/lib/deliveries/schemas";

const ID = "0b7e7f9c-4a55-4c1e-9a51-5a0d8f1f2a10";
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("readCursor", () => {
  it("reads back what writeCursor wrote, both directions and both sort columns", () => {
    expect(readCursor(writeCursor("2030-01-02T03:04:05.678Z", ID))).toEqual({
      value: "2030-01-02T03:04:05.678Z",
      id: ID,
      backwards: false,
    });
    expect(readCursor(writeCursor("2030-01-15", ID, true))).toEqual({ value: "2030-01-15", id: ID, backwards: true });
  });

  it.each<[string, string]>([
    ["a malformed id", b64(["2030-01-02T03:04:05.678Z", "------------------------------------"])],
    ["an id that is no uuid", b64(["2030-01-02T03:04:05.678Z", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"])],
    ["a year past 9999", b64(["+275760-09-13T00:00:00.000Z", ID])],
    ["year zero", b64(["0000-01-01T00:00:00.000Z", ID])],
    ["a date before 1970", b64(["1969-12-31", ID])],
    ["a day that does not exist", b64(["2030-02-30", ID])],
    ["a date-time on a day that does not exist", b64(["2030-02-30T00:00:00.000Z", ID])],
    ["a date the Date parser would guess at", b64(["1", ID])],
    ["a time zone offset", b64(["2030-01-02T03:04:05.678+01:00", ID])],
    ["a number for the date", b64([1893553445678, ID])],
    ["an object", b64({ value: "2030-01-15", id: ID })],
    ["an unknown direction", b64(["2030-01-15", ID, "sideways"])],
    ["an extra element", b64(["2030-01-15", ID, "before", 1])],
    ["JSON null", b64(null)],
    ["text that is not JSON", Buffer.from("[2030-01-15,").toString("base64url")],
    ["characters outside base64url", "%%%"],
    ["standard base64 padding", `${b64(["2030-01-15", ID])}==`],
    ["an over-long value", "A".repeat(201)],
  ])("refuses %s", (_name, text) => {
    expect(readCursor(text)).toBeNull();
    const query = listDeliveriesQuerySchema.safeParse({ cursor: text });
    expect(query.success).toBe(false);
    expect(query.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["cursor", "Not a cursor returned by this API"],
    ]);
  });

  it("never throws, and accepts only a uuid with an ISO instant from 1970 on", () => {
    const anything = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.jsonValue({ maxDepth: 3 }).map(b64),
      fc
        .tuple(
          fc.oneof(
            fc.string(),
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          ),
          fc.string(),
        )
        .map(b64),
      fc
        .tuple(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.uuid(),
        )
        .map(b64),
    );
    fc.assert(
      fc.property(anything, (text) => {
        const cursor = readCursor(text);
        if (cursor === null) return;
        expect(cursor.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
        expect(cursor.value >= "1970-01-01" && /^\d{4}-\d{2}-\d{2}/.test(cursor.value)).toBe(true);
        expect(Number.isNaN(new Date(cursor.value).getTime())).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
