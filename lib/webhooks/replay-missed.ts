// Events a partner missed while their endpoint was disabled (DESIGN §8), sent again once it is
// enabled: each under its original event id, never to a receiver that accepted it, bounded to the
// last MISSED_WINDOW_DAYS and MAX_REPLAY events. The replay runs in the background.
import { AppError } from "@/lib/core/errors";
import { db } from "@/lib/db";
import { DELIVERY_EVENT_NAMES, type DeliveryEvent, writeOutboxEvent } from "@/lib/outbox/events";
import { kickOutbox } from "@/lib/background/scheduler";
import type { Actor } from "@/lib/auth/actor";
import { deliverMessage, ensureMessage, type DeliverOutcome } from "@/lib/webhooks/send-webhook";
import { WEBHOOK_TYPES, webhookEventFor } from "@/lib/webhooks/event-payload";
import { endpointOf } from "@/lib/webhooks/manage-endpoint";

export const MISSED_WINDOW_DAYS = 7;
export const MAX_REPLAY = 1000;

/**
 * Ids (outbox row = event id) of the endpoint partner's delivery events since `since` of the
 * types the endpoint subscribes to, oldest first.
 */
export async function missedEventIds(endpointId: string, since: Date): Promise<string[]> {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { events: true } });
  const names = DELIVERY_EVENT_NAMES.filter((name) => endpoint?.events.includes(WEBHOOK_TYPES[name]));
  if (names.length === 0) return [];
  const floor = new Date(Math.max(since.getTime(), Date.now() - MISSED_WINDOW_DAYS * 86_400_000));
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT o."id" FROM "OutboxEvent" o
    JOIN "Delivery" d ON d."id" = (o."payload" ->> 'deliveryId')::uuid
    JOIN "WebhookEndpoint" w ON w."partnerId" = d."partnerId"
    WHERE w."id" = ${endpointId}::uuid AND o."createdAt" >= ${floor}
      AND o."name" = ANY(${names}::text[])
      AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" a WHERE a."endpointId" = w."id" AND a."eventId" = o."id"::text
        AND a."responseStatus" BETWEEN 200 AND 299)
    ORDER BY o."createdAt", o."id"
    LIMIT ${MAX_REPLAY}`;
  return rows.map((r) => r.id);
}

/** What the settings page shows: how many events wait to be replayed, if any. */
export async function countMissedWebhookEvents(endpoint: { id: string; missedSince: Date | null }) {
  return endpoint.missedSince ? (await missedEventIds(endpoint.id, endpoint.missedSince)).length : 0;
}

/** The partner asks for the missed events; the replay runs in the background. */
export async function requestWebhookReplay({ actor, id }: { actor: Actor; id: string }) {
  const endpoint = await endpointOf({ actor, id });
  if (!endpoint.enabled) throw new AppError("conflict", "Enable the endpoint first.");
  if (!endpoint.missedSince) throw new AppError("conflict", "No events were missed.");
  const count = (await missedEventIds(endpoint.id, endpoint.missedSince)).length;
  await db.$transaction(async (tx) => {
    await writeOutboxEvent(tx, {
      name: "webhook/replay.requested",
      data: { endpointId: endpoint.id, since: endpoint.missedSince!.toISOString() },
    });
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { missedSince: null } });
  });
  kickOutbox();
  return count;
}

/**
 * Sends these events to the endpoint, in order. Stops (without failing) when the endpoint is
 * disabled again; a failed attempt throws, so the step is retried and the events already
 * delivered are skipped then.
 */
export async function replayWebhookEvents(endpointId: string, eventIds: string[]) {
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id: endpointId },
    select: { partnerId: true, events: true },
  });
  if (!endpoint) return { delivered: 0, skipped: eventIds.length };
  const rows = await db.outboxEvent.findMany({ where: { id: { in: eventIds } }, orderBy: { createdAt: "asc" } });
  let delivered = 0;
  for (const row of rows) {
    const event = { id: row.id, name: row.name, data: row.payload } as DeliveryEvent;
    const webhook = await webhookEventFor(event);
    // The delivery's owner in the database decides, as for every webhook.
    if (!webhook || webhook.partnerId !== endpoint.partnerId || !endpoint.events.includes(webhook.type)) continue;
    const message = await ensureMessage(endpointId, webhook);
    const outcome: DeliverOutcome = await deliverMessage(message.id);
    if (outcome.outcome === "delivered") delivered++;
    if (outcome.outcome === "disabled" || (outcome.outcome === "skipped" && outcome.reason === "endpoint disabled")) {
      break;
    }
  }
  return { delivered, skipped: eventIds.length - delivered };
}
