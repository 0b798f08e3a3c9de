import { z } from "zod";

export const retryOutboxSchema = z.strictObject({
  id: z.uuid().optional().meta({ description: "One outbox row; omit to retry every pending row." }),
});
export type RetryOutboxInput = z.infer<typeof retryOutboxSchema>;

export const outboxStatsSchema = z
  .object({
    pending: z.number().int(),
    failed: z.number().int(),
    oldestPendingAgeSeconds: z.number().int().nullable(),
    lastError: z.string().nullable(),
    lastSentAt: z.string().nullable(),
    health: z.enum(["ok", "degraded"]),
    summary: z.string(),
  })
  .meta({ id: "OutboxStats" });
