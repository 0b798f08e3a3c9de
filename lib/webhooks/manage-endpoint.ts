// Webhook endpoint use cases, for the API and the settings page alike: a partner manages their own
// endpoints (at most MAX_ENDPOINTS_PER_PARTNER), an admin any partner's. Another partner's
// endpoint answers 404. The secret is shown once, when the endpoint is created or rotated.
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/core/errors";
import { partnerScope, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hit } from "@/lib/rate-limit";
import { attemptMessage, ensureMessage } from "@/lib/webhooks/send-webhook";
import {
  MAX_ENDPOINTS_PER_PARTNER,
  type CreateWebhookEndpointInput,
  type UpdateWebhookEndpointInput,
  type WebhookTarget,
} from "@/lib/webhooks/schemas";
import { newWebhookSecret, ROTATION_OVERLAP_MS } from "@/lib/webhooks/signature";
import { assertSafeWebhookUrl, UnsafeTargetError } from "@/lib/webhooks/target";
import type { WebhookEndpoint } from "@/lib/generated/prisma/client";
import { z } from "zod";

export interface Scope {
  actor: Actor;
  /** Which partner's endpoints; partners may omit it (their own), admins must give it. */
  input?: WebhookTarget;
}

async function partnerFor({ actor, input }: Scope) {
  authorize(actor, "webhooks.manage");
  const notFound = new AppError("not_found", "No such partner.");
  const requested = input?.partnerId;
  const id = partnerScope(actor) ?? requested;
  if (!id || !z.uuid().safeParse(id).success || (requested && requested !== id)) throw notFound;
  const partner = await db.partner.findUnique({ where: { id }, select: { id: true, name: true } });
  if (!partner) throw notFound;
  return partner;
}

/** The endpoint `id` if the actor may manage it; any other id, or another partner's, is 404. */
export async function endpointOf({ actor, id }: { actor: Actor; id: string }): Promise<WebhookEndpoint> {
  authorize(actor, "webhooks.manage");
  const scope = partnerScope(actor);
  const endpoint = z.uuid().safeParse(id).success
    ? await db.webhookEndpoint.findFirst({ where: { id, ...(scope === null ? {} : { partnerId: scope }) } })
    : null;
  if (!endpoint) throw new AppError("not_found", "No webhook endpoint with this id.");
  return endpoint;
}

async function assertSafe(url: string) {
  try {
    await assertSafeWebhookUrl(url, env().WEBHOOK_ALLOW_PRIVATE_TARGETS);
  } catch (error) {
    if (!(error instanceof UnsafeTargetError)) throw error;
    throw new AppError("validation_failed", error.message, { errors: [{ path: "url", message: error.message }] });
  }
}

/** The endpoint as the API and the page show it; never its secrets. */
export function serializeEndpoint(e: WebhookEndpoint) {
  return {
    id: e.id,
    partnerId: e.partnerId,
    url: e.url,
    description: e.description,
    events: e.events,
    enabled: e.enabled,
    failureCount: e.failureCount,
    disabledAt: e.disabledAt?.toISOString() ?? null,
    secretRotatedAt: e.previousSecretExpiresAt
      ? new Date(e.previousSecretExpiresAt.getTime() - ROTATION_OVERLAP_MS).toISOString()
      : null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
export type SerializedEndpoint = ReturnType<typeof serializeEndpoint>;

export async function listWebhookEndpoints(scope: Scope): Promise<WebhookEndpoint[]> {
  const partner = await partnerFor(scope);
  return db.webhookEndpoint.findMany({
    where: { partnerId: partner.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** A new endpoint, enabled, with a new secret (returned here only). The 11th is refused. */
export async function createWebhookEndpoint({ actor, input }: { actor: Actor; input: CreateWebhookEndpointInput }) {
  const partner = await partnerFor({ actor, input });
  await assertSafe(input.url);
  const secret = newWebhookSecret();
  const endpoint = await db.$transaction(async (tx) => {
    // The partner row is the lock that makes the count and the insert one step under concurrency.
    await tx.$queryRaw`SELECT 1 FROM "Partner" WHERE "id" = ${partner.id}::uuid FOR UPDATE`;
    const count = await tx.webhookEndpoint.count({ where: { partnerId: partner.id } });
    if (count >= MAX_ENDPOINTS_PER_PARTNER) {
      throw new AppError(
        "conflict",
        `A partner has at most ${MAX_ENDPOINTS_PER_PARTNER} webhook endpoints; delete one first.`,
        { limit: MAX_ENDPOINTS_PER_PARTNER },
      );
    }
    return tx.webhookEndpoint.create({
      data: {
        partnerId: partner.id,
        url: input.url,
        events: input.events,
        description: input.description || null,
        secret,
      },
    });
  });
  return { ...serializeEndpoint(endpoint), secret };
}

/**
 * Changes what is given. `enabled: true` (or a new URL) enables the endpoint again and clears its
 * failure count; `enabled: false` pauses it, and what it misses can be replayed later.
 */
export async function updateWebhookEndpoint({
  actor,
  id,
  input,
}: {
  actor: Actor;
  id: string;
  input: UpdateWebhookEndpointInput;
}) {
  const endpoint = await endpointOf({ actor, id });
  if (input.url !== undefined) await assertSafe(input.url);
  const enable = input.enabled === true || (input.url !== undefined && input.enabled !== false);
  const pause = input.enabled === false && endpoint.enabled;
  const updated = await db.webhookEndpoint.update({
    where: { id: endpoint.id },
    data: {
      url: input.url,
      events: input.events,
      description: input.description === undefined ? undefined : input.description || null,
      ...(enable ? { enabled: true, failureCount: 0, disabledAt: null } : {}),
      ...(pause ? { enabled: false, disabledAt: new Date(), missedSince: endpoint.missedSince ?? new Date() } : {}),
    },
  });
  return serializeEndpoint(updated);
}

export async function deleteWebhookEndpoint({ actor, id }: { actor: Actor; id: string }) {
  const endpoint = await endpointOf({ actor, id });
  await db.webhookEndpoint.delete({ where: { id: endpoint.id } });
}

/**
 * A new secret signs at once; the one it replaces signs too for ROTATION_OVERLAP_MS, so a
 * receiver that still has it keeps verifying while it switches. Rotating again within the overlap
 * drops the oldest secret.
 */
export async function rotateWebhookSecret({ actor, id }: { actor: Actor; id: string }) {
  const endpoint = await endpointOf({ actor, id });
  const secret = newWebhookSecret();
  const updated = await db.webhookEndpoint.update({
    where: { id: endpoint.id },
    data: {
      secret,
      previousSecret: endpoint.secret,
      previousSecretExpiresAt: new Date(Date.now() + ROTATION_OVERLAP_MS),
    },
  });
  return { ...serializeEndpoint(updated), secret };
}

/**
 * Sends a signed `webhook.test` event now; recorded in the message log, not counted as a
 * failure. Limited per partner: each one is a request we make to a URL of their choosing.
 */
export async function sendTestWebhook({ actor, id }: { actor: Actor; id: string }) {
  const endpoint = await endpointOf({ actor, id });
  const limit = await hit([
    {
      key: `webhook-test:partner:${endpoint.partnerId}`,
      limit: env().RATE_LIMIT_WEBHOOK_TESTS_PER_PARTNER,
      windowSeconds: 10 * 60,
    },
  ]);
  if (!limit.allowed) {
    throw new AppError("rate_limited", `Too many test events; try again in ${limit.resetSeconds} s.`);
  }
  const message = await ensureMessage(endpoint.id, {
    id: `test_${randomUUID()}`,
    type: "webhook.test",
    createdAt: new Date().toISOString(),
    data: { message: "This is a test event from the delivery platform." },
  });
  return attemptMessage(endpoint, message, 1);
}
