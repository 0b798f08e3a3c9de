// Sends one event to a partner's endpoint and records the attempt. A failure is thrown
// so that Inngest retries with backoff, unless this failure was the one that disabled the endpoint
// (consecutive failures ≥ WEBHOOK_MAX_FAILURES); then the caller tells the partner.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { postSignedWebhook, type AttemptResult } from "@/lib/webhooks/post";

export interface WebhookEvent {
  /** The event id (outbox row id): the receiver's deduplication key, also sent as `Webhook-Id`. */
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

/** POSTs `{ id, type, createdAt, data }` to `endpoint` and stores the attempt. */
export async function attemptWebhook(
  endpoint: { id: string; url: string; secret: string },
  event: Omit<WebhookEvent, "partnerId">,
  attempt: number,
): Promise<AttemptResult> {
  const { WEBHOOK_TIMEOUT_MS, WEBHOOK_ALLOW_PRIVATE_TARGETS } = env();
  const body = JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt, data: event.data });
  const result = await postSignedWebhook({
    url: endpoint.url,
    secret: endpoint.secret,
    body,
    eventId: event.id,
    timeoutMs: WEBHOOK_TIMEOUT_MS,
    allowPrivate: WEBHOOK_ALLOW_PRIVATE_TARGETS,
  });
  await db.webhookDelivery.create({
    data: {
      endpointId: endpoint.id,
      eventId: event.id,
      eventType: event.type,
      attempt,
      url: endpoint.url,
      responseStatus: result.responseStatus,
      durationMs: result.durationMs,
      error: result.error?.slice(0, 1000) ?? null,
    },
  });
  return result;
}

export async function deliverWebhook(event: WebhookEvent): Promise<DeliverOutcome> {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { partnerId: event.partnerId } });
  if (!endpoint) return { outcome: "skipped", reason: "no endpoint" };
  if (!endpoint.enabled) return { outcome: "skipped", reason: "endpoint disabled" };
  const previous = await db.webhookDelivery.findMany({
    where: { endpointId: endpoint.id, eventId: event.id },
    select: { responseStatus: true },
  });
  if (previous.some((p) => p.responseStatus !== null && p.responseStatus >= 200 && p.responseStatus < 300)) {
    return { outcome: "skipped", reason: "already delivered" };
  }
  const attempt = previous.length + 1;
  const result = await attemptWebhook(endpoint, event, attempt);
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
