import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { decodeCursor, encodeCursor } from "@/lib/deliveries/list-deliveries";
import { deliveryTableQuerySchema, parseSort } from "@/lib/deliveries/schemas";

const row = {
  id: "0b7e7f9c-4a55-4c1e-9a51-5a0d8f1f2a10",
  createdAt: new Date("2030-01-02T03:04:05.678Z"),
  deliveryDate: "2030-01-15",
};

describe("table cursors", () => {
  it("keeps the API's cursor format for newest-first pages", () => {
    const cursor = encodeCursor(row);
    expect(JSON.parse(Buffer.from(cursor, "base64url").toString())).toEqual([row.createdAt.toISOString(), row.id]);
    expect(decodeCursor(cursor)).toEqual({ value: row.createdAt.toISOString(), id: row.id, backwards: false });
  });

  it("carries the sort column's value and a backwards marker for previous pages", () => {
    const cursor = encodeCursor(row, { by: "deliveryDate", dir: "asc" }, true);
    expect(decodeCursor(cursor)).toEqual({ value: "2030-01-15", id: row.id, backwards: true });
  });

  it("rejects anything else as a validation problem", () => {
    for (const bad of [
      "",
      "%%%",
      Buffer.from('["x","y"]').toString("base64url"),
      Buffer.from(`["2030-01-01","${row.id}","sideways"]`).toString("base64url"),
    ]) {
      expect(() => decodeCursor(bad)).toThrow(/cursor/);
    }
  });
});

describe("table URL state", () => {
  it("defaults to newest first, 20 rows, and only offers indexed sorts and page sizes", () => {
    const q = deliveryTableQuerySchema.parse({});
    expect(parseSort(q.sort)).toEqual({ by: "createdAt", dir: "desc" });
    expect(q.limit).toBe(20);
    expect(deliveryTableQuerySchema.safeParse({ sort: "recipientName.asc" }).success).toBe(false);
    expect(deliveryTableQuerySchema.safeParse({ limit: "37" }).success).toBe(false);
  });
});

describe("sign-in callback URLs", () => {
  it("follows same-site paths only", () => {
    expect(safeCallbackUrl("/deliveries?status=CREATED")).toBe("/deliveries?status=CREATED");
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil.example", undefined, 42]) {
      expect(safeCallbackUrl(bad)).toBe("/deliveries");
    }
  });
});
