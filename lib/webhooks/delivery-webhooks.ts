// The webhooks of a batch of delivery events, set-based: one read of the deliveries and of their
// owners' endpoints, one insert of the messages; then every message not yet through is sent.
import { db } from "@/lib/db";
import { deliverySelect } from "@/lib/deliveries/serialize";
import type { DeliveryEvent } from "@/lib/outbox/events";
import { webhookEventFrom } from "@/lib/webhooks/event-payload";
import { messageData } from "@/lib/webhooks/send-webhook";

/**
 * Writes the message of each event for each enabled endpoint of the delivery's owner that
 * subscribes to its type. Written once: an endpoint added later does not get these events when
 * the sending is retried, and a message written before is kept as first signed.
 */
export async function prepareWebhookMessages(events: DeliveryEvent[]): Promise<{ messages: number }> {
  if (events.length === 0) return { messages: 0 };
  const rows = await db.delivery.findMany({
    where: { id: { in: [...new Set(events.map((e) => e.data.deliveryId))] } },
    select: deliverySelect,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const endpoints = await db.webhookEndpoint.findMany({
    where: { partnerId: { in: [...new Set(rows.map((r) => r.partner.id))] }, enabled: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, partnerId: true, events: true },
  });
  const data = [];
  for (const event of events) {
    const row = byId.get(event.data.deliveryId);
    if (!row) continue;
    const webhook = webhookEventFrom(event, row);
    for (const endpoint of endpoints) {
      if (endpoint.partnerId === webhook.partnerId && endpoint.events.includes(webhook.type)) {
        data.push(messageData(endpoint.id, webhook));
      }
    }
  }
  if (data.length > 0) await db.webhookMessage.createMany({ data, skipDuplicates: true });
  // Those written before (a repeated run) count too: they may still be to send.
  return { messages: data.length };
}
