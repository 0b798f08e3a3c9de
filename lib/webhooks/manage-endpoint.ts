// /settings/webhook use cases: a partner manages their own endpoint; an admin any partner's
// (DESIGN §2). Another partner's endpoint answers 404.
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/core/errors";
import { partnerScope, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hit } from "@/lib/rate-limit";
import { attemptWebhook } from "@/lib/webhooks/send-webhook";
import type { WebhookTarget, WebhookUrlInput } from "@/lib/webhooks/schemas";
import { newWebhookSecret } from "@/lib/webhooks/signature";
import { assertSafeWebhookUrl, UnsafeTargetError } from "@/lib/webhooks/target";
import { z } from "zod";

export interface Scope {
  actor: Actor;
  /** Which partner's endpoint; partners may omit it (their own), admins must give it. */
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

export async function getWebhookSettings(scope: Scope) {
  const partner = await partnerFor(scope);
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { partnerId: partner.id },
    select: {
      id: true,
      url: true,
      enabled: true,
      failureCount: true,
      disabledAt: true,
      missedSince: true,
      updatedAt: true,
    },
  });
  const attempts = endpoint
    ? await db.webhookDelivery.findMany({
        where: { endpointId: endpoint.id },
        orderBy: { createdAt: "desc" },
        take: 20,
      })
    : [];
  return { partner, endpoint, attempts, maxFailures: env().WEBHOOK_MAX_FAILURES };
}

/** Sets the URL (after the SSRF check), enables the endpoint and clears its failure count. */
export async function saveWebhookEndpoint(scope: Scope & { input: WebhookUrlInput & WebhookTarget }) {
  const partner = await partnerFor(scope);
  try {
    await assertSafeWebhookUrl(scope.input.url, env().WEBHOOK_ALLOW_PRIVATE_TARGETS);
  } catch (error) {
    if (!(error instanceof UnsafeTargetError)) throw error;
    throw new AppError("validation_failed", error.message, { errors: [{ path: "url", message: error.message }] });
  }
  const state = { url: scope.input.url, enabled: true, failureCount: 0, disabledAt: null };
  return db.webhookEndpoint.upsert({
    where: { partnerId: partner.id },
    create: { partnerId: partner.id, secret: newWebhookSecret(), ...state },
    update: state,
    select: { id: true, url: true, enabled: true },
  });
}

export async function endpointOf(scope: Scope) {
  const partner = await partnerFor(scope);
  const endpoint = await db.webhookEndpoint.findUnique({ where: { partnerId: partner.id } });
  if (!endpoint) throw new AppError("not_found", "Set a webhook URL first.");
  return endpoint;
}

export async function revealWebhookSecret(scope: Scope): Promise<string> {
  return (await endpointOf(scope)).secret;
}

/** A new secret takes effect at once; the old one stops verifying. */
export async function rotateWebhookSecret(scope: Scope): Promise<string> {
  const endpoint = await endpointOf(scope);
  const secret = newWebhookSecret();
  await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { secret } });
  return secret;
}

/**
 * Sends a signed `webhook.test` event now; recorded with the other attempts, not counted as a
 * failure. Limited per partner: each one is a request we make to a URL of their choosing.
 */
export async function sendTestWebhook(scope: Scope) {
  const endpoint = await endpointOf(scope);
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
  const event = {
    id: `test_${randomUUID()}`,
    type: "webhook.test",
    createdAt: new Date().toISOString(),
    data: { message: "This is a test event from the delivery platform." },
  };
  return attemptWebhook(endpoint, event, 1);
}
