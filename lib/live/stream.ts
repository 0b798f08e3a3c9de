// A viewer's event stream (server-sent events): the delivery changes they may see, scoped exactly
// as their reads are, and, for people, their new notifications. Screens refresh what they show when
// they hear one. A reconnect sends Last-Event-ID (an outbox row id); the changes after it in scope
// are replayed from the outbox, or, past REPLAY_LIMIT, the stream says "reset" (refresh everything).
import { can } from "@/lib/auth/permissions";
import { deliveryScope, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { subscribe, subscriberCount, type DeliveryChange, type LiveMessage } from "@/lib/live/hub";
import { AppError } from "@/lib/core/errors";
import { z } from "zod";

/** Comments this often keep proxies from closing an idle stream and find dead clients. */
const HEARTBEAT_MS = 20_000;
/** Changes replayed on a reconnect; more than this and the viewer refreshes instead. */
const REPLAY_LIMIT = 100;
/** Streams one process holds at most (each is an open connection and a few KB). */
export const MAX_STREAMS_PER_PROCESS = 2_000;

/** Who is watching: a signed-in caller (their scope), or the public tracking page of one code. */
export type Viewer = { kind: "actor"; actor: Actor } | { kind: "tracking"; trackingCode: string };

/** What a viewer is sent about a delivery change: the public page only its status. */
function visible(viewer: Viewer, change: DeliveryChange): Record<string, unknown> | null {
  if (viewer.kind === "tracking") {
    return change.trackingCode === viewer.trackingCode ? { status: change.status } : null;
  }
  const { actor } = viewer;
  const scope = deliveryScope(actor);
  if (scope.assigneeId) {
    if (change.assigneeId !== scope.assigneeId && change.previousAssigneeId !== scope.assigneeId) return null;
  } else if (scope.partnerId && change.partnerId !== scope.partnerId) return null;
  return { name: change.name, deliveryId: change.deliveryId, trackingCode: change.trackingCode, status: change.status };
}

const frame = (event: string, data: unknown, id?: string) =>
  `${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

function frameFor(viewer: Viewer, message: LiveMessage): string | null {
  if (message.kind === "notification") {
    const self = viewer.kind === "actor" && viewer.actor.kind === "USER" && message.change.userId === viewer.actor.id;
    return self ? frame("notification", {}) : null;
  }
  const data = visible(viewer, message.change);
  return data ? frame("delivery", data, message.change.id) : null;
}

type Row = DeliveryChange & { createdAt: Date };

/** The changes after the row `lastId` names, oldest first, in the viewer's scope; null: too many. */
async function replay(viewer: Viewer, lastId: string): Promise<string[] | null> {
  const partner = viewer.kind === "actor" ? deliveryScope(viewer.actor).partnerId : null;
  const rows = await db.$queryRaw<Row[]>`
    SELECT o."id", o."name", o."payload"->>'deliveryId' AS "deliveryId", o."payload"->>'partnerId' AS "partnerId",
      o."payload"->>'trackingCode' AS "trackingCode", COALESCE(o."payload"->>'to', o."payload"->>'status') AS "status",
      o."payload"->>'assigneeId' AS "assigneeId", o."payload"->>'previousAssigneeId' AS "previousAssigneeId", o."createdAt"
    FROM "OutboxEvent" o, (SELECT "createdAt", "id" FROM "OutboxEvent" WHERE "id" = ${lastId}::uuid) AS last
    WHERE (o."createdAt", o."id") > (last."createdAt", last."id")
      AND o."name" LIKE 'delivery/%' AND NOT o."bulk"
      AND (${partner}::text IS NULL OR o."payload"->>'partnerId' = ${partner}::text)
    ORDER BY o."createdAt", o."id"
    LIMIT ${REPLAY_LIMIT + 1}`;
  if (rows.length > REPLAY_LIMIT) return null;
  return rows.flatMap((row) => {
    const f = frameFor(viewer, { kind: "delivery", change: row });
    return f ? [f] : [];
  });
}

/** The open stream for a request: answered at once, closed when the client goes or the server stops. */
export async function openStream(viewer: Viewer, request: Request): Promise<Response> {
  if (viewer.kind === "actor" && !can(viewer.actor, "deliveries.read")) {
    throw new AppError("forbidden", "You may not follow deliveries.");
  }
  if (subscriberCount() >= MAX_STREAMS_PER_PROCESS) {
    throw new AppError("service_unavailable", "Too many open live streams here; retry shortly.");
  }
  const lastEventId = z.uuid().safeParse(request.headers.get("last-event-id")).data;
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const unsubscribe = await subscribe({
        deliver: (message) => {
          const text = frameFor(viewer, message);
          if (text) send(text);
        },
        // What was said while the connection was down is unknown: refresh everything.
        lost: () => send(frame("reset", {})),
      });
      const heartbeat = setInterval(() => send(": ping\n\n"), HEARTBEAT_MS);
      heartbeat.unref();
      const close = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        liveStreams.delete(close);
        request.signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      cleanup = close;
      liveStreams.add(close);
      request.signal.addEventListener("abort", close);
      // Reconnect quickly after a drop; then what was missed, or "reset" when it is too much.
      send("retry: 2000\n\n");
      if (lastEventId) {
        const missed = await replay(viewer, lastEventId);
        if (missed === null) send(frame("reset", {}));
        else missed.forEach(send);
      }
      send(frame("ready", {}));
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
      // Proxies (nginx) would otherwise buffer the stream.
      "x-accel-buffering": "no",
    },
  });
}

/** Every open stream's closer, so a stopping server can end them (scripts/server.mjs). */
const liveStreams = new Set<() => void>();
(globalThis as unknown as { closeLiveStreams?: () => number }).closeLiveStreams = () => {
  const count = liveStreams.size;
  for (const close of [...liveStreams]) close();
  return count;
};
