import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TRACKING_CODE_PATTERN, newTrackingCode, normalizeTrackingCode } from "@/lib/deliveries/tracking-code";

describe("normalizeTrackingCode", () => {
  it.each([
    ["dlv-7q4k9m2x", "DLV-7Q4K9M2X"],
    ["7Q4K9M2X", "DLV-7Q4K9M2X"],
    ["  7q4k 9m2x ", "DLV-7Q4K9M2X"],
    ["DLV 7Q4K-9M2X", "DLV-7Q4K9M2X"],
    ["dlv7q4k9m2x", "DLV-7Q4K9M2X"],
  ])("reads %j as %s", (typed, code) => {
    expect(normalizeTrackingCode(typed)).toBe(code);
  });

  it.each([
    ["dlv-nope", "DLV-NOPE"],
    ["7Q4K9M2", "7Q4K9M2"],
    ["DLV-7Q4K9M2X0", "DLV-7Q4K9M2X0"],
    ["", ""],
  ])("keeps %j, which cannot be a code, as typed (upper-cased): %j", (typed, shown) => {
    expect(normalizeTrackingCode(typed)).toBe(shown);
    expect(TRACKING_CODE_PATTERN.test(normalizeTrackingCode(typed))).toBe(false);
  });

  it("finds every issued code however it is typed", () => {
    const typing = fc.record({
      lower: fc.boolean(),
      prefix: fc.constantFrom("DLV-", "DLV", "DLV ", "", " "),
      split: fc.nat({ max: 8 }),
      gap: fc.constantFrom("", " ", "-", "  "),
    });
    fc.assert(
      fc.property(typing, ({ lower, prefix, split, gap }) => {
        const code = newTrackingCode();
        const body = code.slice(4);
        const typed = `${prefix}${body.slice(0, split)}${gap}${body.slice(split)}`;
        expect(normalizeTrackingCode(lower ? typed.toLowerCase() : typed)).toBe(code);
      }),
    );
  });
});
