// The webhook a delivery event becomes: `{ id, type, createdAt, data }` where data carries the
// event's fields and the delivery as the API represents it now.
import type { DeliveryEvent } from "@/lib/notifications/delivery-events";
import { db } from "@/lib/db";
import { deliverySelect, serializeDelivery } from "@/lib/deliveries/serialize";
import type { WebhookEvent } from "@/lib/webhooks/deliver-webhook";

export async function webhookEventFor(event: DeliveryEvent): Promise<WebhookEvent> {
  const row = await db.delivery.findUnique({ where: { id: event.data.deliveryId }, select: deliverySelect });
  const { partnerId, ...fields } = event.data;
  return {
    id: event.id,
    type: event.name === "delivery/created" ? "delivery.created" : "delivery.status_changed",
    createdAt: event.data.occurredAt,
    partnerId,
    data: { ...fields, delivery: row ? serializeDelivery(row) : null },
  };
}
