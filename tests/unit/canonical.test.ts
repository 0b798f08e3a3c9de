import { describe, expect, it } from "vitest";
import {
  canonicalPayload,
  derivedIdempotencyKey,
  explicitIdempotencyKey,
  requestFingerprint,
} from "@/lib/deliveries/canonical";
import { createDeliverySchema, isBookableDate } from "@/lib/deliveries/schemas";

const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
const base = {
  pickupAddress: "12 Market St",
  dropoffAddress: "4 Elm Rd",
  recipientName: "Ada Lovelace",
  recipientEmail: "ada@example.com",
  packageWeightKg: 2.5,
  deliveryDate: date,
};
const parse = (v: unknown) => createDeliverySchema.parse(v);
const PARTNER = "7d9f5a0e-1c1e-4d9a-9a43-2b8f8f7b6c11";

describe("canonical payload", () => {
  it("is independent of key order", () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse());
    expect(canonicalPayload(parse(reordered))).toBe(canonicalPayload(parse(base)));
  });

  it("trims, collapses inner whitespace and lower-cases emails", () => {
    const messy = {
      ...base,
      pickupAddress: "  12   Market\tSt ",
      recipientName: "Ada  Lovelace",
      recipientEmail: " ADA@Example.COM ",
    };
    expect(canonicalPayload(parse(messy))).toBe(canonicalPayload(parse(base)));
  });

  it("treats absent, null and empty optional fields alike", () => {
    const a = canonicalPayload(parse(base));
    expect(canonicalPayload(parse({ ...base, notes: null, productName: "", recipientPhone: "   " }))).toBe(a);
  });

  it("serialises sorted keys with numbers as numbers", () => {
    expect(JSON.parse(canonicalPayload(parse(base)))).toEqual({ ...base });
    expect(Object.keys(JSON.parse(canonicalPayload(parse(base))))).toEqual(Object.keys(base).sort());
  });

  it("differs when any meaningful field differs", () => {
    expect(canonicalPayload(parse({ ...base, packageWeightKg: 2.6 }))).not.toBe(canonicalPayload(parse(base)));
    expect(canonicalPayload(parse({ ...base, notes: "Leave at door" }))).not.toBe(canonicalPayload(parse(base)));
  });
});

describe("idempotency keys", () => {
  it("derives the key from partner and canonical payload", () => {
    const input = parse(base);
    expect(derivedIdempotencyKey(PARTNER, input)).toMatch(/^[0-9a-f]{64}$/);
    expect(derivedIdempotencyKey(PARTNER, parse({ ...base, recipientEmail: "ADA@EXAMPLE.COM" }))).toBe(
      derivedIdempotencyKey(PARTNER, input),
    );
    expect(derivedIdempotencyKey("00000000-0000-4000-8000-000000000000", input)).not.toBe(
      derivedIdempotencyKey(PARTNER, input),
    );
  });

  it("scopes an explicit key to the partner and ignores the payload", () => {
    expect(explicitIdempotencyKey(PARTNER, "order-1")).toBe(explicitIdempotencyKey(PARTNER, "order-1"));
    expect(explicitIdempotencyKey(PARTNER, "order-1")).not.toBe(explicitIdempotencyKey(PARTNER, "order-2"));
    expect(explicitIdempotencyKey(PARTNER, "order-1")).not.toBe(derivedIdempotencyKey(PARTNER, parse(base)));
  });

  it("fingerprints the canonical payload alone", () => {
    expect(requestFingerprint(parse(base))).toBe(
      requestFingerprint(parse({ ...base, recipientName: " Ada   Lovelace" })),
    );
    expect(requestFingerprint(parse(base))).not.toBe(
      requestFingerprint(parse({ ...base, recipientName: "Grace Hopper" })),
    );
  });
});

describe("create schema dates", () => {
  it("reports one error for a malformed date and leaves past dates to the use case", () => {
    const errors = (deliveryDate: string) =>
      createDeliverySchema.safeParse({ ...base, deliveryDate }).error?.issues.map((i) => i.message);
    expect(errors("15/01/2030")).toEqual(["Use the format YYYY-MM-DD"]);
    expect(errors("2030-02-30")).toHaveLength(1);
    // A past date may be a retry of a request accepted yesterday: createDelivery decides.
    expect(errors("2020-01-01")).toBeUndefined();
    expect(errors(new Date().toISOString().slice(0, 10))).toBeUndefined();
  });

  it("books today (UTC) or later", () => {
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect(isBookableDate(today)).toBe(true);
    expect(isBookableDate("2999-01-01")).toBe(true);
    expect(isBookableDate(yesterday)).toBe(false);
  });
});
