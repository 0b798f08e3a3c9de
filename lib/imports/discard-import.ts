import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { scopedImport } from "@/lib/imports/import-summary";

/**
 * The partner drops an import they checked but do not want: an unconfirmed import is deleted (it
 * created nothing). A confirmed one is refused: its rows are being, or have been, created.
 */
export async function discardImport({ actor, id }: { actor: Actor; id: string }): Promise<void> {
  const record = await scopedImport(actor, id);
  const { count } = await db.deliveryImport.deleteMany({ where: { id: record.id, status: "VALIDATED" } });
  if (count === 0) throw new AppError("conflict", "This import was already confirmed, so it cannot be discarded.");
}
