import { z } from "zod";
import { CURSOR_MESSAGE, readCursor } from "@/lib/core/cursor";
import { deliverySchema } from "@/lib/deliveries/schemas";
import {
  deliveryAssignedData,
  deliveryCreatedData,
  deliveryEtaUpdatedData,
  deliveryRescheduledData,
  deliveryStatusChangedData,
} from "@/lib/outbox/events";

/** Every event type an endpoint can subscribe to (`webhook.test` is sent on request only). */
export const WEBHOOK_EVENT_TYPES = [
  "delivery.created",
  "delivery.status_changed",
  "delivery.assigned",
  "delivery.rescheduled",
  "delivery.eta_updated",
] as const;
export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

/** At most this many endpoints per partner. */
export const MAX_ENDPOINTS_PER_PARTNER = 10;

const url = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, error: "Enter an http:// or https:// URL" }))
  .meta({ description: "http(s) only; hosts resolving to private, loopback or link-local addresses are refused." });

const events = z
  .array(webhookEventTypeSchema)
  .min(1, "Choose at least one event type")
  .max(WEBHOOK_EVENT_TYPES.length)
  .refine((list) => new Set(list).size === list.length, "List each event type once")
  .meta({ description: "The event types this endpoint receives." });

const description = z.string().trim().max(200, "At most 200 characters");

/** Whose endpoint: partners may omit it (their own), admins name the partner. Blank means omitted. */
const partnerId = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());
export type WebhookTarget = { partnerId?: string };

export const createWebhookEndpointSchema = z
  .strictObject({
    url,
    events: events.default([...WEBHOOK_EVENT_TYPES]).meta({ description: "Every event type when omitted." }),
    description: description.optional(),
    partnerId: partnerId.meta({ description: "Admins only: whose endpoint. Partners get their own." }),
  })
  .meta({ id: "WebhookEndpointCreate" });
export type CreateWebhookEndpointInput = z.infer<typeof createWebhookEndpointSchema>;

export const updateWebhookEndpointSchema = z
  .strictObject({
    url: url.optional(),
    events: events.optional(),
    description: description.nullable().optional(),
    enabled: z
      .boolean()
      .optional()
      .meta({ description: "true enables the endpoint again (and clears its failure count); false pauses it." }),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Give at least one field to change")
  .meta({ id: "WebhookEndpointUpdate" });
export type UpdateWebhookEndpointInput = z.infer<typeof updateWebhookEndpointSchema>;

export const listWebhookMessagesQuerySchema = z.strictObject({
  cursor: z
    .string()
    .max(200)
    .refine((value) => readCursor(value) !== null, CURSOR_MESSAGE)
    .optional()
    .meta({ description: "Opaque; `nextCursor` of the previous page." }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListWebhookMessagesQuery = z.infer<typeof listWebhookMessagesQuerySchema>;

export const webhookEndpointSchema = z
  .object({
    id: z.uuid(),
    partnerId: z.uuid(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(webhookEventTypeSchema),
    enabled: z.boolean(),
    failureCount: z.int().meta({ description: "Consecutive failed attempts; reset by any success." }),
    disabledAt: z.string().nullable(),
    secretRotatedAt: z.string().nullable().meta({
      description: "When the secret was last rotated; the previous one signs too for 24 hours after.",
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "WebhookEndpoint" });

export const webhookEndpointWithSecretSchema = webhookEndpointSchema
  .extend({
    secret: z.string().meta({
      description: "`whsec_<base64>`: shown in this answer only. Verify with a Standard Webhooks library.",
    }),
  })
  .meta({ id: "WebhookEndpointWithSecret" });

export const webhookEndpointListSchema = z
  .object({ data: z.array(webhookEndpointSchema) })
  .meta({ id: "WebhookEndpointList" });

export const webhookAttemptSchema = z
  .object({
    id: z.uuid(),
    attempt: z.int(),
    createdAt: z.string(),
    url: z.string(),
    responseStatus: z.int().nullable().meta({ description: "null: no complete HTTP response." }),
    durationMs: z.int().meta({ description: "Latency, from connecting to the last byte of the response." }),
    responseBody: z.string().nullable().meta({ description: "The first KiB of the response body." }),
    error: z.string().nullable(),
  })
  .meta({ id: "WebhookAttempt" });

export const webhookMessageSchema = z
  .object({
    id: z.uuid(),
    eventId: z.string().meta({ description: "The `webhook-id` of every attempt and resend of this message." }),
    eventType: z.string(),
    createdAt: z.string(),
    deliveryId: z.uuid().nullable(),
    trackingCode: z.string().nullable(),
    payload: z.unknown().meta({ description: "The body as sent." }),
    attempts: z.array(webhookAttemptSchema).meta({ description: "Oldest first." }),
  })
  .meta({ id: "WebhookMessage" });

export const webhookMessageListSchema = z
  .object({ data: z.array(webhookMessageSchema), nextCursor: z.string().nullable() })
  .meta({ id: "WebhookMessageList" });

/**
 * The /settings/webhook forms: one per endpoint, one button per intent; the fields are posted
 * with every button but read only when saving. `events` comes from one checkbox per type.
 */
const endpointId = z.string().max(100);
export const webhookFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), url, events, description: description.optional(), partnerId }),
  z.object({
    intent: z.literal("save"),
    endpointId,
    url,
    events,
    description: description.optional(),
    partnerId,
  }),
  z.object({ intent: z.literal(["rotate", "test", "replay", "delete", "enable"]), endpointId, partnerId }),
  z.object({ intent: z.literal("resend"), endpointId, messageId: z.string().max(100), partnerId }),
]);
export type WebhookFormInput = z.infer<typeof webhookFormSchema>;

/**
 * What `data` holds for each event type: the event's fields as the change wrote them (without
 * the partner, which is the receiver, nor an import id, which is internal) and `delivery`, the
 * delivery as the API represents it when the event is sent. The payload builder parses with these,
 * and the OpenAPI document's `webhooks` section is generated from them.
 */
const internal = { partnerId: true, importId: true } as const;
export const WEBHOOK_DATA_SCHEMAS = {
  "delivery.created": deliveryCreatedData.omit(internal).extend({ delivery: deliverySchema }),
  "delivery.status_changed": deliveryStatusChangedData.omit({ partnerId: true }).extend({ delivery: deliverySchema }),
  "delivery.assigned": deliveryAssignedData.omit({ partnerId: true }).extend({ delivery: deliverySchema }),
  "delivery.rescheduled": deliveryRescheduledData.omit({ partnerId: true }).extend({ delivery: deliverySchema }),
  "delivery.eta_updated": deliveryEtaUpdatedData
    .omit({ partnerId: true, announce: true })
    .extend({ delivery: deliverySchema }),
  "webhook.test": z.object({ message: z.string() }),
} as const;

const envelope = <T extends keyof typeof WEBHOOK_DATA_SCHEMAS>(type: T, description: string) =>
  z
    .object({
      id: z.string().meta({
        description: "Event id; the same on every retry and resend of one event (also the `webhook-id` header).",
      }),
      type: z.literal(type),
      createdAt: z.string().meta({ description: "When the change happened (ISO 8601, UTC)." }),
      data: WEBHOOK_DATA_SCHEMAS[type],
    })
    .meta({ description });

/** The body partners receive, per event type (documented in the OpenAPI `webhooks` section). */
export const WEBHOOK_PAYLOAD_SCHEMAS = {
  "delivery.created": envelope("delivery.created", "A delivery was created (by the API, the web app or an import)."),
  "delivery.status_changed": envelope(
    "delivery.status_changed",
    "A delivery changed status: `data.from`, `data.to`, `data.reason`, `data.assigneeId`.",
  ),
  "delivery.assigned": envelope(
    "delivery.assigned",
    "A courier was given the delivery or it passed to another: `data.assigneeId`, `data.previousAssigneeId`.",
  ),
  "delivery.rescheduled": envelope(
    "delivery.rescheduled",
    "A delivery's windows moved: `data.previous`, `data.pickupWindow`, `data.dropoffWindow`, `data.reason`.",
  ),
  "delivery.eta_updated": envelope(
    "delivery.eta_updated",
    "The courier set or moved the estimated arrival: `data.eta`, `data.previousEta`.",
  ),
  "webhook.test": envelope("webhook.test", 'Sent by "send test event"; never retried.'),
} as const;
