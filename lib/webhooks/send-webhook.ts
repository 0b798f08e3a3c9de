// Sends events to partner endpoints and records every attempt. Each (endpoint, event) is one
// WebhookMessage holding the body as first signed, so retries and resends send the same bytes
// under the same `webhook-id`. A failure is thrown so that the caller retries with backoff, unless
// this failure was the one that disabled the endpoint (consecutive failures ≥
// WEBHOOK_MAX_FAILURES); then the caller tells the partner.
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

/** The message of this event for this endpoint: created with the body on first use, then reused. */
export async function ensureMessage(endpointId: string, event: Omit<WebhookEvent, "partnerId">) {
  const body = JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt, data: event.data });
  const delivery = event.data.delivery as { id?: unknown; trackingCode?: unknown } | undefined;
  return db.webhookMessage.upsert({
    where: { endpointId_eventId: { endpointId, eventId: event.id } },
    create: {
      endpointId,
      eventId: event.id,
      eventType: event.type,
      deliveryId: typeof delivery?.id === "string" ? delivery.id : null,
      trackingCode: typeof delivery?.trackingCode === "string" ? delivery.trackingCode : null,
      body,
    },
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
  await db.webhookDelivery.create({
    data: {
      endpointId: endpoint.id,
      messageId: message.id,
      eventId: message.eventId,
      eventType: message.eventType,
      attempt,
      url: endpoint.url,
      responseStatus: result.responseStatus,
      responseBody: result.responseBody,
      durationMs: result.durationMs,
      error: result.error?.slice(0, 1000) ?? null,
    },
  });
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
  const attempt = previous.length + 1;
  const result = await attemptMessage(endpoint, message, attempt);
  if (result.ok) {
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failureCount: 0 } });
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
  if (after && !after.enabled) return { outcome: "disabled", endpointId: endpoint.id, attempt, error: result.error };
  throw new WebhookAttemptFailed(`Webhook attempt ${attempt} to ${endpoint.url} failed: ${result.error}`);
}

/** The enabled endpoints of the event's partner that subscribe to its type, oldest first. */
export async function subscribedEndpoints(event: Pick<WebhookEvent, "partnerId" | "type">) {
  return db.webhookEndpoint.findMany({
    where: { partnerId: event.partnerId, enabled: true, events: { has: event.type } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
}

export type FanOutResult = Record<string, DeliverOutcome>;

/**
 * Sends the event to every endpoint in `endpointIds` that has not received it, all at once: a slow
 * or failing endpoint never holds up another, and one that got the event is not sent it again when
 * this is retried. The attempt that disables an endpoint tells the partner. Throws when any
 * attempt failed (after every other one finished), so the caller retries only the failed ones.
 */
export async function fanOutWebhook(event: WebhookEvent, endpointIds: string[]) {
  const outcomes: FanOutResult = {};
  const failures: string[] = [];
  await Promise.all(
    endpointIds.map(async (endpointId) => {
      try {
        // Deleted since it was listed: nothing to send (and no message to write for it).
        if (!(await db.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { id: true } }))) {
          outcomes[endpointId] = { outcome: "skipped", reason: "no endpoint" };
          return;
        }
        const message = await ensureMessage(endpointId, event);
        const outcome = await deliverMessage(message.id);
        // Told here, not after the fan-out: a retry of the others would not see this outcome again.
        if (outcome.outcome === "disabled") await announceWebhookDisabled(endpointId);
        outcomes[endpointId] = outcome;
      } catch (error) {
        if (!(error instanceof WebhookAttemptFailed)) throw error;
        failures.push(error.message);
      }
    }),
  );
  if (failures.length > 0) throw new WebhookAttemptFailed(failures.join("; "));
  return outcomes;
}
