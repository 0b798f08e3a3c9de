import type { Actor } from "@/lib/auth/actor";
import { planImport, type ImportPlan } from "@/lib/imports/import-keys";
import { scopedImport, summariseImport, type ImportSummary } from "@/lib/imports/import-summary";

/** One import in the caller's scope, with its counts and progress. */
export async function getImport({ actor, id }: { actor: Actor; id: string }): Promise<ImportSummary> {
  return summariseImport(await scopedImport(actor, id));
}

/** What confirming an unconfirmed import would create; null once it is confirmed. */
export async function getImportPlan({ actor, id }: { actor: Actor; id: string }): Promise<ImportPlan | null> {
  const record = await scopedImport(actor, id);
  return record.status === "VALIDATED" ? planImport(record) : null;
}
