// The webhook a delivery event becomes: `{ id, type, createdAt, data }` where data carries the
// event's fields and the delivery as the API represents it now. The receiving partner is the
// delivery's owner in the database, whatever partner the event names.
import { db } from "@/lib/db";
import { deliverySelect, serializeDelivery } from "@/lib/deliveries/serialize";
import type { DeliveryEvent } from "@/lib/outbox/events";
import type { WebhookEvent } from "@/lib/webhooks/send-webhook";

/** The webhook `type` of each delivery event (listed in the OpenAPI document and the README). */
export const WEBHOOK_TYPES = {
  "delivery/created": "delivery.created",
  "delivery/status.changed": "delivery.status_changed",
  "delivery/assigned": "delivery.assigned",
} as const satisfies Record<DeliveryEvent["name"], string>;

export async function webhookEventFor(event: DeliveryEvent): Promise<WebhookEvent | null> {
  const row = await db.delivery.findUnique({ where: { id: event.data.deliveryId }, select: deliverySelect });
  if (!row) return null;
  // The event's partner is not trusted, nor shown; an import id is internal. (undefined: not sent.)
  const fields = { ...event.data, partnerId: undefined, importId: undefined };
  return {
    id: event.id,
    type: WEBHOOK_TYPES[event.name],
    createdAt: event.data.occurredAt,
    partnerId: row.partner.id,
    data: { ...fields, delivery: serializeDelivery(row) },
  };
}
