// A confirmed import's rows, created through createDelivery batch by batch, each with its own
// idempotency key (its externalReference, else its canonical payload): a re-upload or a re-run
// batch after a crash creates nothing twice.
import { AppError } from "@/lib/core/errors";
import { OPERATOR_ACTOR, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createDelivery } from "@/lib/deliveries/create-delivery";
import { IMPORT_BATCH, type BatchResult } from "@/lib/imports/import-summary";
import { importIdempotencyKey } from "@/lib/imports/import-keys";
import type { ImportRow } from "@/lib/imports/parse-import";

/** Rows of a batch created at once: each is one statement; a few in parallel keep the pool busy. */
const PARALLEL_ROWS = 6;

/** The creator of an import, as createDelivery knows callers (recorded as each row's creator). */
async function importActor(record: { partnerId: string; id: string }): Promise<Actor> {
  const row = await db.deliveryImport.findUniqueOrThrow({
    where: { id: record.id },
    select: { createdByKind: true, createdById: true },
  });
  if (row.createdByKind === "API_KEY") {
    // The key as it acted when it uploaded: an admin key is staff importing for the partner.
    const key = await db.apiKey.findUniqueOrThrow({ where: { id: row.createdById }, select: { role: true } });
    if (key.role === "ADMIN") return { kind: "API_KEY", id: row.createdById, role: "ADMIN", partnerId: null };
    return { kind: "API_KEY", id: row.createdById, role: "API_KEY", partnerId: record.partnerId };
  }
  if (row.createdByKind === "SYSTEM") return OPERATOR_ACTOR;
  const user = await db.user.findUniqueOrThrow({
    where: { id: row.createdById },
    select: { email: true, role: true, partnerId: true },
  });
  return { kind: "USER", id: row.createdById, role: user.role, partnerId: user.partnerId, email: user.email };
}

/**
 * Creates rows [from, to) of a confirmed import and records the batch's result under its number
 * (a re-run replaces it). A row that already existed before the import was confirmed counts as
 * "existed"; one this import created — in this run or an interrupted earlier one — as "created".
 */
export async function runImportBatch(importId: string, batch: number): Promise<BatchResult> {
  const [record] = await db.$queryRaw<{ partnerId: string; confirmedAt: Date | null; rows: ImportRow[] | null }[]>`
    SELECT "partnerId", "confirmedAt",
      (SELECT jsonb_agg(e ORDER BY i) FROM jsonb_array_elements("rows") WITH ORDINALITY AS t(e, i)
        WHERE i > ${batch * IMPORT_BATCH} AND i <= ${(batch + 1) * IMPORT_BATCH}) AS "rows"
    FROM "DeliveryImport" WHERE "id" = ${importId}::uuid`;
  if (!record?.confirmedAt) throw new Error(`Import ${importId} is not confirmed`);
  const confirmedAt = record.confirmedAt;
  const actor = await importActor({ id: importId, partnerId: record.partnerId });
  const result: BatchResult = { created: 0, existed: 0, failed: 0, failures: [] };
  const seen = new Set<string>();
  const queue = [...(record.rows ?? [])];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await createRow(next);
  };
  const createRow = async ({ row, input }: ImportRow) => {
    try {
      const { delivery, created } = await createDelivery({
        actor,
        input,
        idempotencyKey: importIdempotencyKey(input),
        importId,
        // Staff uploaded it for this partner; a partner's own import creates as its own.
        onBehalfOf: actor.partnerId ? undefined : record.partnerId,
      });
      const fresh = (created || delivery.createdAt >= confirmedAt) && !seen.has(delivery.id);
      seen.add(delivery.id);
      if (fresh) result.created++;
      else result.existed++;
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      result.failed++;
      const message =
        error.code === "idempotency_key_reused"
          ? "A delivery with this externalReference already exists with other details."
          : (error.details.errors?.map((e) => `${e.path}: ${e.message}`).join("; ") ?? error.message);
      result.failures.push({ row, column: error.details.errors?.[0]?.path ?? null, message });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_ROWS }, worker));
  result.failures.sort((a, b) => a.row - b.row);
  await db.$executeRaw`
    UPDATE "DeliveryImport" SET "status" = 'RUNNING',
      "batches" = "batches" || jsonb_build_object(${String(batch)}::text, ${JSON.stringify(result)}::jsonb),
      "updatedAt" = now()
    WHERE "id" = ${importId}::uuid`;
  return result;
}
