import type { ImportStatus } from "@/lib/generated/prisma/enums";

/** An import's status in the UI's words. */
export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  VALIDATED: "Checked, waiting for confirmation",
  QUEUED: "Queued",
  RUNNING: "Creating deliveries",
  COMPLETED: "Finished",
};

/** The numbers an import's progress is told from: the status words, the counts and the bar alike. */
export interface ImportProgressCounts {
  status: ImportStatus;
  processed: number;
  validRows: number;
  created: number;
  existed: number;
  failed: number;
}

/** Whole percent of the valid rows processed (an import with none to create is done). */
export function importPercent({ processed, validRows }: Pick<ImportProgressCounts, "processed" | "validRows">): number {
  return validRows ? Math.min(100, Math.floor((processed / validRows) * 100)) : 100;
}

/** The status words for these numbers: a queued import with rows processed is creating them. */
export function importStatusLabel({ status, processed }: Pick<ImportProgressCounts, "status" | "processed">): string {
  return status === "QUEUED" && processed > 0 ? IMPORT_STATUS_LABELS.RUNNING : IMPORT_STATUS_LABELS[status];
}
