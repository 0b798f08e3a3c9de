// Prepared-statement names (lib/db.ts): one stable name per query text, none for pattern searches
// (planned with their pattern every time) and none once the cap of distinct texts is reached.
import { describe, expect, it } from "vitest";
import { statementName } from "@/lib/db";

const query = (sql: string) => statementName({ sql });

describe("statementName", () => {
  it("names a text once and reuses that name, and gives another text another name", () => {
    const detail = 'SELECT "id" FROM "Delivery" WHERE "id" = $1';
    const first = query(detail);
    expect(first).toMatch(/^prisma_\d+$/);
    expect(query(detail)).toBe(first);
    expect(query('SELECT "id" FROM "Partner" WHERE "id" = $1')).not.toBe(first);
  });

  it("leaves LIKE and ILIKE searches unnamed, but not a column that merely contains the letters", () => {
    expect(query('SELECT 1 FROM "Delivery" WHERE "searchText"::text ILIKE $1')).toBe("");
    expect(query('SELECT 1 FROM "Partner" WHERE "name" like $1')).toBe("");
    expect(query('SELECT "likeCount" FROM "Post"')).not.toBe("");
  });

  it("stops naming new texts at the cap and keeps the names it gave", () => {
    const kept = query("SELECT 'kept'");
    for (let i = 0; i < 1_000; i++) query(`SELECT ${i}`);
    expect(query("SELECT 'one too many'")).toBe("");
    expect(query("SELECT 'kept'")).toBe(kept);
  });
});
