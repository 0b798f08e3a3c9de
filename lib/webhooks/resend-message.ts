// Resending one logged message: the same body under the same `webhook-id`, in the background. The
// request is an outbox event written with nothing else, so it is sent once however often it is
// handed over, and the function reads it back from its row.
import { z } from "zod";
import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { kickOutbox } from "@/lib/background/scheduler";
import { OUTBOX_EVENTS, writeOutboxEvent } from "@/lib/outbox/events";
import { endpointOf } from "@/lib/webhooks/manage-endpoint";

export async function resendWebhookMessage({ actor, id, messageId }: { actor: Actor; id: string; messageId: string }) {
  const endpoint = await endpointOf({ actor, id });
  const message = z.uuid().safeParse(messageId).success
    ? await db.webhookMessage.findFirst({ where: { id: messageId, endpointId: endpoint.id }, select: { id: true } })
    : null;
  if (!message) throw new AppError("not_found", "No message with this id on this endpoint.");
  if (!endpoint.enabled) throw new AppError("conflict", "Enable the endpoint first.");
  const requestedAt = new Date().toISOString();
  await db.$transaction((tx) =>
    writeOutboxEvent(tx, { name: "webhook/resend.requested", data: { messageId: message.id, requestedAt } }),
  );
  kickOutbox();
  return { messageId: message.id, requestedAt };
}

/** The resend request an event names, from its outbox row; null when no change wrote it. */
export async function loadResendRequest(event: { id?: string; name: string }) {
  if (!event.id || !z.uuid().safeParse(event.id).success || event.name !== "webhook/resend.requested") return null;
  const row = await db.outboxEvent.findUnique({ where: { id: event.id }, select: { name: true, payload: true } });
  if (!row || row.name !== event.name) return null;
  const data = OUTBOX_EVENTS["webhook/resend.requested"].safeParse(row.payload);
  return data.success ? data.data : null;
}
