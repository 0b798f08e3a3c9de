// The delivery event a function acts on, as the change wrote it: the outbox row its id names. The
// event's own payload is never trusted (Inngest's dev mode checks no signature, so anyone could post
// one); an id with no row of that name was written by no change.
import { z } from "zod";
import { db } from "@/lib/db";
import { DELIVERY_EVENT_NAMES, OUTBOX_EVENTS, type DeliveryEvent } from "@/lib/outbox/events";

/**
 * The delivery events of a batch with their outbox rows, in one read, and the ids of those without
 * one (written by no change).
 */
export async function loadDeliveryEvents(
  events: { id?: string; name: string }[],
): Promise<{ events: DeliveryEvent[]; missing: string[] }> {
  const ids = events.map((e) => e.id).filter((id): id is string => !!id && z.uuid().safeParse(id).success);
  const rows = await db.outboxEvent.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, payload: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const found: DeliveryEvent[] = [];
  const missing: string[] = [];
  for (const event of events) {
    const row = event.id ? byId.get(event.id) : undefined;
    const name = DELIVERY_EVENT_NAMES.find((n) => n === event.name && n === row?.name);
    const data = row && name ? OUTBOX_EVENTS[name].safeParse(row.payload) : null;
    if (data?.success) found.push({ id: row!.id, name, data: data.data } as DeliveryEvent);
    else missing.push(`${event.id ?? "(no id)"} (${event.name})`);
  }
  return { events: found, missing };
}
