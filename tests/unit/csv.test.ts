import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvLine, csvLines, neutraliseCell, restoreCell } from "@/lib/core/csv";

const FORMULA_START = /^[=+\-@\t\r]/;

describe("reading back what the writer wrote", () => {
  it("drops the ' it put before formula starts, and nothing else", () => {
    expect(restoreCell(neutraliseCell("+49 30 1234"))).toBe("+49 30 1234");
    expect(restoreCell(neutraliseCell("4 Elm Rd;=cmd"))).toBe("4 Elm Rd;=cmd");
    expect(restoreCell("O'Brien, 'quoted'")).toBe("O'Brien, 'quoted'");
  });

  it("round-trips every value with no ' of its own before a formula start", () => {
    const unit = fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", ";", ",", "a", " ", "'");
    fc.assert(
      fc.property(
        fc.string({ unit }).filter((s) => restoreCell(s) === s),
        (value) => {
          expect(restoreCell(neutraliseCell(value))).toBe(value);
        },
      ),
    );
  });
});

describe("the CSV writer", () => {
  it("neutralises a formula at the start of a cell", () => {
    expect(neutraliseCell("=1+1")).toBe("'=1+1");
    expect(neutraliseCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseCell("\t=1")).toBe("'\t'=1");
    expect(neutraliseCell("Ada Lovelace")).toBe("Ada Lovelace");
  });

  it("neutralises a formula behind any separator a spreadsheet may split on", () => {
    expect(neutraliseCell("4 Elm Rd;=cmd|' /C calc'!A0")).toBe("4 Elm Rd;'=cmd|' /C calc'!A0");
    expect(neutraliseCell("a,+1")).toBe("a,'+1");
    expect(neutraliseCell("a\t-1")).toBe("a\t'-1");
    expect(neutraliseCell("a\n@x")).toBe("a\n'@x");
    expect(neutraliseCell("=a;=b")).toBe("'=a;'=b");
  });

  it("quotes every field and round-trips through a CSV parser", () => {
    const line = csvLine(["a", 'say "hi"', null, 3, "x,y"]);
    expect(line).toBe('"a","say ""hi""","","3","x,y"\n');
    expect(parse(line)).toEqual([["a", 'say "hi"', "", "3", "x,y"]]);
  });

  it("leaves no segment of any cell starting like a formula, however a spreadsheet splits it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", ";", ",", "a", " ", '"') }), {
          maxLength: 5,
        }),
        (cells) => {
          const [parsed] = parse(csvLines([cells]), { relax_column_count: true }) as string[][];
          for (const cell of parsed ?? []) {
            for (const segment of cell.split(/[,;\t\r\n]/)) expect(segment).not.toMatch(FORMULA_START);
            expect(cell).not.toMatch(FORMULA_START);
          }
        },
      ),
    );
  });
});
