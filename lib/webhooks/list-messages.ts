// The message log of one endpoint: each event sent to it, newest first, with every attempt.
// Keyset-paginated like the other lists (lib/core/cursor.ts).
import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { readCursor, writeCursor, CURSOR_MESSAGE } from "@/lib/core/cursor";
import { db } from "@/lib/db";
import { endpointOf } from "@/lib/webhooks/manage-endpoint";
import type { ListWebhookMessagesQuery } from "@/lib/webhooks/schemas";

function parseBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

export async function listWebhookMessages({
  actor,
  id,
  query,
}: {
  actor: Actor;
  id: string;
  query: ListWebhookMessagesQuery;
}) {
  const endpoint = await endpointOf({ actor, id });
  const after = query.cursor ? readCursor(query.cursor) : null;
  if (query.cursor && (!after || after.backwards)) {
    throw new AppError("validation_failed", "The cursor is not valid.", {
      errors: [{ path: "cursor", message: CURSOR_MESSAGE }],
    });
  }
  const at = after ? new Date(after.value) : null;
  const rows = await db.webhookMessage.findMany({
    where: {
      endpointId: endpoint.id,
      ...(after && at
        ? { createdAt: { lte: at }, OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: { attempts: { orderBy: [{ createdAt: "asc" }, { attempt: "asc" }] } },
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((m) => ({
      id: m.id,
      eventId: m.eventId,
      eventType: m.eventType,
      createdAt: m.createdAt.toISOString(),
      deliveryId: m.deliveryId,
      trackingCode: m.trackingCode,
      payload: parseBody(m.body),
      attempts: m.attempts.map((a) => ({
        id: a.id,
        attempt: a.attempt,
        createdAt: a.createdAt.toISOString(),
        url: a.url,
        responseStatus: a.responseStatus,
        durationMs: a.durationMs,
        responseBody: a.responseBody,
        error: a.error,
      })),
    })),
    nextCursor: rows.length > query.limit && last ? writeCursor(last.createdAt.toISOString(), last.id) : null,
  };
}
export type WebhookMessageList = Awaited<ReturnType<typeof listWebhookMessages>>;
