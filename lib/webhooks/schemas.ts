import { z } from "zod";

export const webhookUrlSchema = z.strictObject({
  url: z
    .string()
    .trim()
    .max(2000)
    .pipe(z.url({ protocol: /^https?$/, error: "Enter an http:// or https:// URL" })),
});
export type WebhookUrlInput = z.infer<typeof webhookUrlSchema>;

/** Whose endpoint: partners may omit it (their own), admins name the partner. Blank means omitted. */
const partnerId = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());
export type WebhookTarget = { partnerId?: string };

/**
 * The /settings/webhook form: one form, one button per intent. The URL field is posted with every
 * button but read only when saving.
 */
export const webhookFormSchema = z.discriminatedUnion("intent", [
  webhookUrlSchema.extend({ intent: z.literal("save"), partnerId }),
  z.object({ intent: z.literal(["reveal", "rotate", "test", "replay"]), partnerId }),
]);
export type WebhookFormInput = z.infer<typeof webhookFormSchema>;

/** The body partners receive (documented in the OpenAPI description and the README). */
export const webhookPayloadSchema = z
  .object({
    id: z
      .string()
      .meta({ description: "Event id; the same on every retry of one event (also the `Webhook-Id` header)." }),
    type: z.enum(["delivery.created", "delivery.status_changed", "delivery.assigned", "webhook.test"]),
    createdAt: z.string().meta({ description: "When the change happened (ISO 8601, UTC)." }),
    data: z.record(z.string(), z.unknown()).meta({
      description: "For delivery events: the event fields and `delivery`, the delivery as the API returns it.",
    }),
  })
  .meta({ id: "WebhookEvent" });
