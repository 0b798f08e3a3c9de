// What the import API answers (DESIGN §6 style: the OpenAPI document is generated from these).
import { z } from "zod";

const rowError = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() });

export const importSummarySchema = z
  .object({
    id: z.uuid(),
    partnerId: z.uuid(),
    partnerName: z.string(),
    fileName: z.string().nullable(),
    status: z.enum(["VALIDATED", "QUEUED", "RUNNING", "COMPLETED"]),
    totalRows: z.number().int(),
    validRows: z.number().int(),
    invalidRows: z.number().int(),
    errors: z
      .array(rowError)
      .meta({ description: "Validation errors: row as a spreadsheet numbers it, column, reason." }),
    processed: z.number().int(),
    created: z.number().int(),
    existed: z
      .number()
      .int()
      .meta({ description: "Rows whose delivery existed before: a re-upload creates nothing new." }),
    failed: z.number().int(),
    failures: z.array(rowError).meta({ description: "Valid rows refused while creating them." }),
    progress: z.number().min(0).max(1),
    createdAt: z.iso.datetime(),
    confirmedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Import" });

/** Query of `POST /api/v1/imports` (the body is the CSV file itself). */
export const importUploadQuerySchema = z
  .object({
    partnerId: z.uuid().optional().meta({
      description: "Staff only: the partner the deliveries are for. Partners and their keys import for themselves.",
    }),
  })
  .strict();
