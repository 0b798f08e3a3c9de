import type { Actor } from "@/lib/auth/actor";
import { scopedImport, summariseImport, type ImportSummary } from "@/lib/imports/import-summary";

/** One import in the caller's scope, with its counts and progress. */
export async function getImport({ actor, id }: { actor: Actor; id: string }): Promise<ImportSummary> {
  return summariseImport(await scopedImport(actor, id));
}
