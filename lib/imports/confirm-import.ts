import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { importSelect, scopedImport, summariseImport, type ImportSummary } from "@/lib/imports/import-summary";
import { writeOutboxEvent } from "@/lib/outbox/events";
import { kickOutbox } from "@/lib/background/scheduler";

/** The partner confirms: the rows are created in the background (delivery-import). */
export async function confirmImport({ actor, id }: { actor: Actor; id: string }): Promise<ImportSummary> {
  const record = await scopedImport(actor, id);
  if ((record.rows as unknown[]).length === 0) throw new AppError("conflict", "No row of this file is valid.");
  const confirmed = await db.$transaction(async (tx) => {
    const { count } = await tx.deliveryImport.updateMany({
      where: { id: record.id, status: "VALIDATED" },
      data: { status: "QUEUED", confirmedAt: new Date() },
    });
    if (count === 0) throw new AppError("conflict", "This import was already confirmed.");
    await writeOutboxEvent(tx, { name: "import/confirmed", data: { importId: record.id } });
    return tx.deliveryImport.findUniqueOrThrow({ where: { id: record.id }, select: importSelect });
  });
  kickOutbox();
  return summariseImport(confirmed);
}
