// Property-based checks of the canonical form (DESIGN §5): for any valid payload, key order,
// surrounding and repeated whitespace, email case and blank optionals never change it; the case
// of names and addresses does.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalPayload } from "@/lib/deliveries/canonical";
import { createDeliverySchema } from "@/lib/deliveries/schemas";

const word = fc.stringMatching(/^[A-Za-z0-9À-ÿ.,#'-]{1,12}$/);
const text = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(" "));
const future = fc
  .integer({ min: 1, max: 3000 })
  .map((d) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10));

const payload = fc.record(
  {
    pickupAddress: text,
    dropoffAddress: text,
    recipientName: text,
    deliveryDate: future,
    recipientEmail: fc.stringMatching(/^[a-z0-9_+-]{1,12}(\.[a-z0-9]{1,6})?@[a-z0-9]{1,12}\.[a-z]{2,6}$/),
    recipientPhone: fc.stringMatching(/^\+?[0-9]{4,15}$/),
    productName: text,
    // Whole grams, as the schema accepts: 1 g to 1000 kg.
    packageWeightKg: fc.integer({ min: 1, max: 1_000_000 }).map((grams) => grams / 1000),
    notes: text,
    externalReference: word,
  },
  { requiredKeys: ["pickupAddress", "dropoffAddress", "recipientName", "deliveryDate"] },
);

const canonical = (value: unknown) => canonicalPayload(createDeliverySchema.parse(value));

/** Pads with spaces and tabs and widens inner spaces; the words stay the same. */
const messy = (value: string, pad: number) =>
  `${" ".repeat(pad)}${value.replaceAll(" ", " \t ".slice(0, 1 + (pad % 3)))}\t`;

function variant(original: Record<string, unknown>, order: number[], pad: number) {
  const entries = Object.entries(original).map(([key, value]): [string, unknown] => {
    if (key === "recipientEmail") return [key, ` ${String(value).toUpperCase()} `];
    if (typeof value === "string" && key !== "deliveryDate") return [key, messy(value, pad)];
    return [key, value];
  });
  const shuffled = entries
    .map((entry, i) => ({ entry, rank: order[i % order.length] ?? i }))
    .sort((a, b) => a.rank - b.rank);
  const blanks = { notes: "", productName: null, recipientPhone: "   " };
  const absent = Object.fromEntries(Object.entries(blanks).filter(([key]) => !(key in original)));
  return { ...absent, ...Object.fromEntries(shuffled.map((s) => s.entry)) };
}

describe("canonical form (properties)", () => {
  it("is stable under key order, whitespace, email case and blank optionals", () => {
    fc.assert(
      fc.property(
        payload,
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1 }),
        fc.integer({ min: 0, max: 4 }),
        (original, order, pad) => {
          expect(canonical(variant(original, order, pad))).toBe(canonical(original));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("changes when the case of a name or an address changes", () => {
    fc.assert(
      fc.property(
        payload.filter((p) => p.recipientName.toUpperCase() !== p.recipientName),
        (original) => {
          expect(canonical({ ...original, recipientName: original.recipientName.toUpperCase() })).not.toBe(
            canonical(original),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it("is valid JSON with sorted keys, whatever the input order", () => {
    fc.assert(
      fc.property(payload, (original) => {
        const keys = Object.keys(JSON.parse(canonical(original)));
        expect(keys).toEqual([...keys].sort());
      }),
    );
  });
});
