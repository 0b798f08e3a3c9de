import { db } from "@/lib/db";

/** How many valid rows a confirmed import has to create (the background function's plan). */
export async function getImportSize(importId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT jsonb_array_length("rows")::int AS "n" FROM "DeliveryImport" WHERE "id" = ${importId}::uuid`;
  return row?.n ?? 0;
}
