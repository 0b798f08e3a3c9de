// The delivery event a function acts on, as the change wrote it: the outbox row its id names. The
// event's own payload is never trusted (Inngest's dev mode checks no signature, so anyone could post
// one); an id with no row of that name was written by no change.
import { z } from "zod";
import { db } from "@/lib/db";
import { DELIVERY_EVENT_NAMES, OUTBOX_EVENTS, type DeliveryEvent } from "@/lib/outbox/events";

export async function loadDeliveryEvent(event: { id?: string; name: string }): Promise<DeliveryEvent | null> {
  if (!event.id || !z.uuid().safeParse(event.id).success) return null;
  const name = DELIVERY_EVENT_NAMES.find((n) => n === event.name);
  if (!name) return null;
  const row = await db.outboxEvent.findUnique({ where: { id: event.id }, select: { name: true, payload: true } });
  if (!row || row.name !== name) return null;
  const data = OUTBOX_EVENTS[name].safeParse(row.payload);
  return data.success ? ({ id: event.id, name, data: data.data } as DeliveryEvent) : null;
}
