// Webhook signatures (DESIGN §8): `Webhook-Signature: t=<unix seconds>,v1=<hex>` where the hex is
// HMAC-SHA256(secret, `${t}.${body}`). The timestamp inside the signed text lets receivers reject
// replays; verifyWebhookSignature is the reference implementation shown in the README.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Webhook-Signature";

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function signWebhook(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const hex = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${hex}`;
}

/** True when `header` signs `body` with `secret` and is at most `toleranceSeconds` old. */
export function verifyWebhookSignature(options: {
  secret: string;
  header: string | null;
  body: string;
  toleranceSeconds?: number;
  now?: number;
}): boolean {
  const { secret, header, body, toleranceSeconds = 300, now = Math.floor(Date.now() / 1000) } = options;
  if (!header) return false;
  const parts = Object.fromEntries(header.split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(now - t) > toleranceSeconds || !/^[0-9a-f]{64}$/.test(parts.v1 ?? ""))
    return false;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1, "hex"));
}
