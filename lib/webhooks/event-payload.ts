// The webhook a delivery event becomes: `{ id, type, createdAt, data }` where data carries the
// event's fields and the delivery as the API represents it now, parsed by the schema the OpenAPI
// document shows for its type. The receiving partner is the delivery's owner in the database,
// whatever partner the event names.
import { db } from "@/lib/db";
import { deliverySelect, serializeDelivery, type DeliveryRow } from "@/lib/deliveries/serialize";
import type { DeliveryEvent } from "@/lib/outbox/events";
import { WEBHOOK_DATA_SCHEMAS } from "@/lib/webhooks/schemas";
import type { WebhookEvent } from "@/lib/webhooks/send-webhook";

/** The webhook `type` of each delivery event (listed in the OpenAPI document and the README). */
export const WEBHOOK_TYPES = {
  "delivery/created": "delivery.created",
  "delivery/status.changed": "delivery.status_changed",
  "delivery/assigned": "delivery.assigned",
  "delivery/rescheduled": "delivery.rescheduled",
  "delivery/eta.updated": "delivery.eta_updated",
} as const satisfies Record<DeliveryEvent["name"], string>;

export async function webhookEventFor(event: DeliveryEvent): Promise<WebhookEvent | null> {
  const row = await db.delivery.findUnique({ where: { id: event.data.deliveryId }, select: deliverySelect });
  return row ? webhookEventFrom(event, row) : null;
}

/** The same for a delivery already read (with `deliverySelect`). */
export function webhookEventFrom(event: DeliveryEvent, row: DeliveryRow): WebhookEvent {
  // The event's partner is not trusted, nor shown; an import id is internal: the schemas omit both.
  const type = WEBHOOK_TYPES[event.name];
  return {
    id: event.id,
    type,
    createdAt: event.data.occurredAt,
    partnerId: row.partner.id,
    data: WEBHOOK_DATA_SCHEMAS[type].parse({ ...event.data, delivery: serializeDelivery(row) }),
  };
}
