// What the deliveries table accepts in its URL: the API's filters plus indexed sorts and page sizes.
import { describe, expect, it } from "vitest";
import { deliveryTableQuerySchema, parseSort } from "@/lib/deliveries/schemas";

describe("table URL state", () => {
  it("defaults to newest first, 20 rows, and only offers indexed sorts and page sizes", () => {
    const q = deliveryTableQuerySchema.parse({});
    expect(parseSort(q.sort)).toEqual({ by: "createdAt", dir: "desc" });
    expect(q.limit).toBe(20);
    expect(deliveryTableQuerySchema.safeParse({ sort: "recipientName.asc" }).success).toBe(false);
    expect(deliveryTableQuerySchema.safeParse({ limit: "37" }).success).toBe(false);
  });
});
