// Standard Webhooks signatures: `webhook-id`, `webhook-timestamp` (unix seconds) and
// `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed by the bytes of a
// `whsec_<base64>` secret. Signed by the `standardwebhooks` package, the one receivers verify with.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

export const ID_HEADER = "webhook-id";
export const TIMESTAMP_HEADER = "webhook-timestamp";
export const SIGNATURE_HEADER = "webhook-signature";

/** How long a rotated-out secret still signs, so receivers can switch without losing events. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/**
 * The three headers for one attempt: one `v1,` signature per secret, space-separated (the
 * current secret first, then a rotated-out one still inside its overlap).
 */
export function signWebhook(options: {
  id: string;
  body: string;
  secrets: string[];
  at?: Date;
}): Record<string, string> {
  const at = options.at ?? new Date();
  const signatures = options.secrets.map((secret) => new Webhook(secret).sign(options.id, at, options.body));
  return {
    [ID_HEADER]: options.id,
    [TIMESTAMP_HEADER]: String(Math.floor(at.getTime() / 1000)),
    [SIGNATURE_HEADER]: signatures.join(" "),
  };
}

/** The secrets that sign now: the current one, and the previous one until its overlap ends. */
export function signingSecrets(
  endpoint: { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null },
  now = new Date(),
): string[] {
  const previous =
    endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now
      ? [endpoint.previousSecret]
      : [];
  return [endpoint.secret, ...previous];
}
