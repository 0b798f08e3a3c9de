// Dispatch at volume: the bodies of the bulk endpoints and the list page's bulk bar, and the
// per-row answer they give. One schema per input, shared by the routes, the UI and the tests.
import { z } from "zod";
import { text } from "@/lib/core/text";
import { LIMITS, deliveryStatusSchema } from "@/lib/deliveries/schemas";

/**
 * At most this many rows per bulk request: each row is its own short transaction, so the cap keeps
 * one request to a few seconds and one admin's click from holding a connection pool for long.
 */
export const BULK_LIMIT = 500;

const bulkItemSchema = z
  .strictObject({
    id: z.uuid(),
    version: z.number().int().min(1).optional().meta({
      description: "The version the caller last saw; a row whose version differs now is skipped as changed.",
    }),
  })
  .meta({ id: "BulkItem" });

const bulkItems = z
  .array(bulkItemSchema)
  .min(1, "Choose at least one delivery")
  .max(BULK_LIMIT, `At most ${BULK_LIMIT} deliveries at once`)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: "Listed twice" });
      seen.add(item.id);
    });
  });

/** POST /api/v1/deliveries/bulk-assignments: one courier for every row, or null to unassign them. */
export const bulkAssignSchema = z
  .strictObject({
    items: bulkItems,
    assigneeId: z.uuid().nullable().meta({ description: "The courier's user id; null unassigns (back to CREATED)." }),
  })
  .meta({ id: "BulkAssignmentRequest" });

export type BulkAssignInput = z.infer<typeof bulkAssignSchema>;

/** POST /api/v1/deliveries/bulk-cancellations: every row cancelled, with one reason in each history. */
export const bulkCancelSchema = z
  .strictObject({
    items: bulkItems,
    reason: text()
      .min(1, "Required")
      .max(LIMITS.reason, `At most ${LIMITS.reason} characters`)
      .meta({ description: "Why; recorded in each delivery's history." }),
  })
  .meta({ id: "BulkCancellationRequest" });

export type BulkCancelInput = z.infer<typeof bulkCancelSchema>;

export const BULK_OUTCOMES = ["applied", "unchanged", "skipped"] as const;
export type BulkOutcome = (typeof BULK_OUTCOMES)[number];

export const bulkResultSchema = z
  .object({
    id: z.uuid(),
    trackingCode: z.string().nullable().meta({ description: "null when the delivery is unknown to the caller." }),
    outcome: z.enum(BULK_OUTCOMES).meta({
      description:
        "`applied`: changed now. `unchanged`: already so (assigned to that courier). `skipped`: left as it was; see `problem`.",
    }),
    status: z.union([deliveryStatusSchema, z.null()]).meta({ description: "The status after the request." }),
    version: z.number().int().nullable(),
    problem: z
      .object({
        code: z.string().meta({ example: "changed" }),
        detail: z.string(),
      })
      .nullable()
      .meta({
        description:
          "Why a row was skipped: `changed` (its version is not the one sent), `invalid_transition` (its status does not allow it), `not_found`, `validation_failed`.",
      }),
  })
  .meta({ id: "BulkResult" });

export type BulkResult = z.infer<typeof bulkResultSchema>;

export const bulkResponseSchema = z
  .object({
    data: z.array(bulkResultSchema).meta({ description: "One result per item, in the order sent." }),
    summary: z.object({ applied: z.number().int(), unchanged: z.number().int(), skipped: z.number().int() }),
  })
  .meta({ id: "BulkResponse" });

export type BulkResponse = z.infer<typeof bulkResponseSchema>;
