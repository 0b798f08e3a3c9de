import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS, IMPORT_LIMITS, parseImport } from "@/lib/imports/parse-import";

const future = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
const bytes = (text: string) => new TextEncoder().encode(text);
const header = "pickupAddress,dropoffAddress,recipientName,deliveryDate,packageWeightKg,externalReference";
const row = (ref: string, extra = "") => `1 Depot Rd,"2 Main St, Flat 3",Ada,${future},${extra},${ref}`;

describe("parseImport", () => {
  it("reads UTF-8 with a BOM, commas, quoted fields with commas and line breaks", () => {
    const text = `\uFEFF${header}\n${row("A-1", "2.5")}\n"9 Quay",\"Line one\nLine two\",Bo,${future},,A-2\n`;
    const parsed = parseImport(bytes(text));
    expect(parsed.errors).toEqual([]);
    expect(parsed.total).toBe(2);
    expect(parsed.rows.map((r) => [r.row, r.input.dropoffAddress, r.input.packageWeightKg])).toEqual([
      [2, "2 Main St, Flat 3", 2.5],
      [3, "Line one\nLine two", undefined],
    ]);
  });

  it("reads semicolon files and decimal commas as spreadsheets in many locales write them", () => {
    const text = `${header.replaceAll(",", ";")}\r\n1 Depot Rd;2 Main St;Ada;${future};2,5;R-1\r\n`;
    expect(parseImport(bytes(text)).rows[0].input).toMatchObject({ packageWeightKg: 2.5, externalReference: "R-1" });
  });

  it("reports every bad row with its row number and column, and keeps the good ones", () => {
    const text = `${header}\n${row("OK-1")}\n,2 Main St,Ada,${future},,BAD-1\n1 Depot,2 Main,Ada,tomorrow,-3,BAD-2\n`;
    const parsed = parseImport(bytes(text));
    expect(parsed.rows.map((r) => r.row)).toEqual([2]);
    expect(parsed.errors).toEqual(
      [
        { row: 3, column: "pickupAddress", message: "Required" },
        { row: 4, column: "packageWeightKg", message: "Must be greater than 0" },
        { row: 4, column: "deliveryDate", message: "Use the format YYYY-MM-DD" },
      ].sort((a, b) => a.row - b.row),
    );
  });

  it.each([
    ["binary", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]), /not UTF-8 text/],
    ["a NUL byte", bytes(`${header}\n\u0000`), /not a CSV text file/],
    ["empty", bytes("  \n"), /empty/],
    ["unbalanced quotes", bytes(`${header}\n"1 Depot Rd,2 Main,Ada,${future},,X\n`), /quoted field is never closed/],
    [
      "a huge field",
      bytes(`${header}\n${"x".repeat(IMPORT_LIMITS.maxRecordBytes + 10)},b,c,${future},,d\n`),
      /far longer/,
    ],
    ["an unknown column", bytes(`${header},colour\n${row("X")},red\n`), /Unknown column\(s\): colour/],
    [
      "a missing required column",
      bytes(`pickupAddress,recipientName\na,b\n`),
      /Missing column\(s\): dropoffAddress, deliveryDate/,
    ],
    ["ragged rows", bytes(`${header}\na,b\n`), /different number of columns/],
  ])("refuses %s with a clear message", (_name, file, message) => {
    expect(() => parseImport(file)).toThrowError(message);
  });

  it("refuses more rows than allowed, and files past the size cap, as too large", () => {
    const many = `${header}\n${Array.from({ length: IMPORT_LIMITS.maxRows + 1 }, (_, i) => row(`R-${i}`)).join("\n")}`;
    expect(() => parseImport(bytes(many))).toThrowError(/At most 10,000 rows/);
    expect(() => parseImport(new Uint8Array(IMPORT_LIMITS.maxBytes + 1))).toThrowError(/larger than/);
  });

  it("offers exactly the create schema's fields as columns", () => {
    expect(IMPORT_COLUMNS).toContain("recipientEmail");
    expect(IMPORT_COLUMNS).not.toContain("idempotencyKey");
  });
});

describe("parseImport: delivery windows", () => {
  const head = "pickupAddress,dropoffAddress,recipientName,dropoffWindowFrom,dropoffWindowTo";

  it("reads wall-clock cells in the partner's time zone and offsets as given; the window gives the date", () => {
    const parsed = parseImport(
      bytes(`${head}\na,b,c,2030-01-15 14:00,2030-01-15T16:00\na,b,c,2030-01-15T14:00:00Z,2030-01-15T16:00:00+01:00\n`),
      "Europe/Berlin",
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0].input.dropoffWindow).toEqual({
      from: "2030-01-15T13:00:00.000Z",
      to: "2030-01-15T15:00:00.000Z",
    });
    expect(parsed.rows[1].input.dropoffWindow).toEqual({
      from: "2030-01-15T14:00:00.000Z",
      to: "2030-01-15T15:00:00.000Z",
    });
    expect(parsed.rows[0].input.deliveryDate).toBeUndefined();
  });

  it("names the cell of a broken window, and the date when neither is given", () => {
    const parsed = parseImport(
      bytes(`${head},deliveryDate\na,b,c,2030-01-15 16:00,2030-01-15 14:00,\na,b,c,2030-01-15 14:00,,\na,b,c,,,\n`),
    );
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([
      { row: 2, column: "dropoffWindowTo", message: "`to` must be after `from`" },
      { row: 3, column: "dropoffWindowTo", message: expect.any(String) },
      { row: 4, column: "deliveryDate", message: "Required unless dropoffWindow is given" },
    ]);
  });

  it("refuses a row whose date disagrees with its drop-off window in the partner's zone", () => {
    const parsed = parseImport(
      bytes(
        `${head},deliveryDate\na,b,c,2030-01-15 23:30,2030-01-15 23:50,2030-01-15\na,b,c,2030-01-15 23:30,2030-01-15 23:50,2030-01-16\n`,
      ),
      "Asia/Tokyo",
    );
    expect(parsed.rows.map((r) => r.row)).toEqual([2]);
    expect(parsed.errors).toEqual([
      { row: 3, column: "deliveryDate", message: "Disagrees with the drop-off window, which starts on 2030-01-15" },
    ]);
  });
});
