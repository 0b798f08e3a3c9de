import type { ImportStatus } from "@/lib/generated/prisma/enums";

/** An import's status in the UI's words. */
export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  VALIDATED: "Checked, waiting for confirmation",
  QUEUED: "Queued",
  RUNNING: "Creating deliveries",
  COMPLETED: "Finished",
};
