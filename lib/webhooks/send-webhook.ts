// Sends events to partner endpoints and records every attempt. Each (endpoint, event) is one
// WebhookMessage holding the body as first signed, so retries and resends send the same bytes
// under the same `webhook-id`. A failure is thrown so that the caller retries with backoff, unless
// this failure was the one that disabled the endpoint (consecutive failures ≥
// WEBHOOK_MAX_FAILURES); then the caller tells the partner.
import pMap from "p-map";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { announceWebhookDisabled } from "@/lib/webhooks/announce-disabled";
import type { WebhookEndpoint, WebhookMessage } from "@/lib/generated/prisma/client";
import { postSignedWebhook, type AttemptResult } from "@/lib/webhooks/post";
import { signingSecrets, signWebhook } from "@/lib/webhooks/signature";

export interface WebhookEvent {
  /** The event id (outbox row id): the receiver's deduplication key, also sent as `webhook-id`. */
  id: string;
  type: string;
  createdAt: string;
  partnerId: string;
  data: Record<string, unknown>;
}

export type DeliverOutcome =
  | { outcome: "skipped"; reason: string }
  | { outcome: "delivered"; attempt: number; responseStatus: number | null }
  | { outcome: "disabled"; endpointId: string; attempt: number; error: string | null };

export class WebhookAttemptFailed extends Error {}

const isSuccess = (status: number | null) => status !== null && status >= 200 && status < 300;

/** What a message row holds for this event and endpoint: the body as first signed, and its labels. */
export function messageData(endpointId: string, event: Omit<WebhookEvent, "partnerId">) {
  const body = JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt, data: event.data });
  const delivery = event.data.delivery as { id?: unknown; trackingCode?: unknown } | undefined;
  return {
    endpointId,
    eventId: event.id,
    eventType: event.type,
    deliveryId: typeof delivery?.id === "string" ? delivery.id : null,
    trackingCode: typeof delivery?.trackingCode === "string" ? delivery.trackingCode : null,
    body,
  };
}

/** The message of this event for this endpoint: created with the body on first use, then reused. */
export async function ensureMessage(endpointId: string, event: Omit<WebhookEvent, "partnerId">) {
  return db.webhookMessage.upsert({
    where: { endpointId_eventId: { endpointId, eventId: event.id } },
    create: messageData(endpointId, event),
    update: {},
  });
}

/** POSTs the message, signed with every secret that signs now, and stores the attempt. */
export async function attemptMessage(
  endpoint: Pick<WebhookEndpoint, "id" | "url" | "secret" | "previousSecret" | "previousSecretExpiresAt">,
  message: Pick<WebhookMessage, "id" | "eventId" | "eventType" | "body">,
  attempt: number,
): Promise<AttemptResult> {
  const { WEBHOOK_TIMEOUT_MS, WEBHOOK_ALLOW_PRIVATE_TARGETS } = env();
  const result = await postSignedWebhook({
    url: endpoint.url,
    signature: signWebhook({ id: message.eventId, body: message.body, secrets: signingSecrets(endpoint) }),
    body: message.body,
    timeoutMs: WEBHOOK_TIMEOUT_MS,
    allowPrivate: WEBHOOK_ALLOW_PRIVATE_TARGETS,
  });
  // Raw: one per webhook sent, the hottest write of a drain, and the same statement every time.
  await db.$executeRaw`
    INSERT INTO "WebhookDelivery" ("id", "endpointId", "messageId", "eventId", "eventType", "attempt", "url",
      "responseStatus", "responseBody", "durationMs", "error")
    VALUES (gen_random_uuid(), ${endpoint.id}::uuid, ${message.id}::uuid, ${message.eventId}, ${message.eventType},
      ${attempt}, ${endpoint.url}, ${result.responseStatus}, ${result.responseBody}, ${Math.round(result.durationMs)},
      ${result.error?.slice(0, 1000) ?? null})`;
  return result;
}

/**
 * One attempt of a message, unless it already got through (since `since`, for a resend). Counts
 * consecutive failures on the endpoint and disables it at the limit.
 */
export async function deliverMessage(messageId: string, options: { since?: Date } = {}): Promise<DeliverOutcome> {
  const message = await db.webhookMessage.findUnique({ where: { id: messageId }, include: { endpoint: true } });
  if (!message) return { outcome: "skipped", reason: "no endpoint" };
  const { endpoint } = message;
  if (!endpoint.enabled) return { outcome: "skipped", reason: "endpoint disabled" };
  const previous = await db.webhookDelivery.findMany({
    where: { endpointId: endpoint.id, eventId: message.eventId },
    select: { responseStatus: true, createdAt: true },
  });
  const since = options.since;
  if (previous.some((p) => isSuccess(p.responseStatus) && (!since || p.createdAt >= since))) {
    return { outcome: "skipped", reason: "already delivered" };
  }
  return attemptCounted(endpoint, message, previous.length + 1, { clear: endpoint.failureCount === 0 });
}

type LoadedEndpoint = Pick<WebhookEndpoint, "id" | "url" | "secret" | "previousSecret" | "previousSecretExpiresAt">;

/**
 * One attempt, counted on the endpoint: a success clears its failure streak, a failure adds to it
 * and, at the limit, disables it. Throws WebhookAttemptFailed unless this failure disabled it.
 * `streak.clear` says the streak is known to be 0, so a success writes nothing.
 */
async function attemptCounted(
  endpoint: LoadedEndpoint,
  message: Pick<WebhookMessage, "id" | "eventId" | "eventType" | "body">,
  attempt: number,
  streak: { clear: boolean },
): Promise<DeliverOutcome> {
  const result = await attemptMessage(endpoint, message, attempt);
  if (result.ok) {
    if (!streak.clear) {
      await db.webhookEndpoint.updateMany({
        where: { id: endpoint.id, failureCount: { gt: 0 } },
        data: { failureCount: 0 },
      });
      streak.clear = true;
    }
    return { outcome: "delivered", attempt, responseStatus: result.responseStatus };
  }
  // One statement counts the failure and, at the limit, disables: only the attempt that flips
  // `enabled` sees enabled = false returned, so the partner is told once.
  const max = env().WEBHOOK_MAX_FAILURES;
  const [after] = await db.$queryRaw<{ enabled: boolean }[]>`
    UPDATE "WebhookEndpoint" SET "failureCount" = "failureCount" + 1,
      "enabled" = ("failureCount" + 1 < ${max}),
      "disabledAt" = CASE WHEN "failureCount" + 1 >= ${max} THEN now() ELSE NULL END,
      -- Missed from the oldest event of this failure streak on (those events were never delivered).
      "missedSince" = CASE WHEN "failureCount" + 1 >= ${max} THEN COALESCE("missedSince", (
          SELECT min(o."createdAt") FROM "WebhookDelivery" a JOIN "OutboxEvent" o ON o."id"::text = a."eventId"
          WHERE a."endpointId" = ${endpoint.id}::uuid AND a."createdAt" > COALESCE((
            SELECT max(b."createdAt") FROM "WebhookDelivery" b
            WHERE b."endpointId" = ${endpoint.id}::uuid AND b."responseStatus" BETWEEN 200 AND 299), '-infinity')
        ), now()) ELSE "missedSince" END,
      "updatedAt" = now()
    WHERE "id" = ${endpoint.id}::uuid AND "enabled"
    RETURNING "enabled"`;
  streak.clear = false;
  if (after && !after.enabled) return { outcome: "disabled", endpointId: endpoint.id, attempt, error: result.error };
  throw new WebhookAttemptFailed(`Webhook attempt ${attempt} to ${endpoint.url} failed: ${result.error}`);
}

/** Messages to one endpoint sent at once, at most; a batch of events to one endpoint is a burst. */
const PER_ENDPOINT = 4;
/** Endpoints sent to at once. */
const ENDPOINTS_AT_ONCE = 16;

export interface PendingOutcome {
  delivered: number;
  disabled: string[];
  failed: string[];
}

/**
 * Sends every message of these events that has not got through to an enabled endpoint. Per
 * endpoint the first message goes alone: when it fails, the others wait for the next attempt (an
 * endpoint that is down costs one timeout and one failure per attempt, not one per event). The
 * attempt that disables an endpoint tells the partner. Throws when any message is still to send
 * (after every endpoint had its turn), so the caller retries with backoff and only those are sent.
 */
export async function deliverPending(eventIds: string[]): Promise<PendingOutcome> {
  const messages = await db.webhookMessage.findMany({
    where: {
      eventId: { in: eventIds },
      endpoint: { enabled: true },
      attempts: { none: { responseStatus: { gte: 200, lte: 299 } } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      eventId: true,
      eventType: true,
      body: true,
      endpoint: {
        select: { id: true, url: true, secret: true, previousSecret: true, previousSecretExpiresAt: true },
      },
      _count: { select: { attempts: true } },
    },
  });
  const byEndpoint = new Map<string, typeof messages>();
  for (const m of messages) byEndpoint.set(m.endpoint.id, [...(byEndpoint.get(m.endpoint.id) ?? []), m]);
  const outcome: PendingOutcome = { delivered: 0, disabled: [], failed: [] };
  await pMap(
    byEndpoint.values(),
    async (list) => {
      const endpoint = list[0].endpoint;
      // Cleared by the first success (the count read with the messages may be stale by then).
      const streak = { clear: false };
      let stop = false;
      const send = async (m: (typeof list)[number]) => {
        if (stop) return void outcome.failed.push(`${m.eventId}: not sent, ${endpoint.url} failed this attempt`);
        try {
          const result = await attemptCounted(endpoint, m, m._count.attempts + 1, streak);
          if (result.outcome === "delivered") outcome.delivered++;
          else if (result.outcome === "disabled") {
            stop = true;
            outcome.disabled.push(endpoint.id);
            await announceWebhookDisabled(endpoint.id);
          }
        } catch (error) {
          if (!(error instanceof WebhookAttemptFailed)) throw error;
          stop = true;
          outcome.failed.push(error.message);
        }
      };
      await send(list[0]);
      await pMap(list.slice(1), send, { concurrency: PER_ENDPOINT });
    },
    { concurrency: ENDPOINTS_AT_ONCE },
  );
  if (outcome.failed.length > 0) {
    const more = outcome.failed.length > 5 ? ` (and ${outcome.failed.length - 5} more)` : "";
    throw new WebhookAttemptFailed(outcome.failed.slice(0, 5).join("; ") + more);
  }
  return outcome;
}
