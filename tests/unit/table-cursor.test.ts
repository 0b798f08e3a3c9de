// The web table's keyset cursors: the API's format for newest-first pages, plus sort value and direction.
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/deliveries/list-deliveries";

const row = {
  id: "0b7e7f9c-4a55-4c1e-9a51-5a0d8f1f2a10",
  createdAt: new Date("2030-01-02T03:04:05.678Z"),
  deliveryDate: "2030-01-15",
  dueAt: new Date("2030-01-15T16:00:00.000Z"),
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

  it("carries the due time as an instant", () => {
    const cursor = encodeCursor(row, { by: "dueAt", dir: "asc" });
    expect(decodeCursor(cursor)).toEqual({ value: "2030-01-15T16:00:00.000Z", id: row.id, backwards: false });
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
