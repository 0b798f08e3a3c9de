// Canonical form of a create request and the idempotency keys derived from it (DESIGN §5).
import { createHash } from "node:crypto";
import type { CreateDeliveryInput } from "@/lib/deliveries/schemas";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * Stable JSON of a validated payload: strings trimmed with inner whitespace collapsed, emails
 * lower-cased (the schema already does it), absent/null/blank optionals dropped, keys sorted.
 */
export function canonicalPayload(input: CreateDeliveryInput): string {
  const entries = Object.entries(input)
    .filter(([, value]) => value !== undefined && value !== null && value !== "")
    .map(([key, value]) => [key, typeof value === "string" ? value.trim().replace(/\s+/g, " ") : value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(entries));
}

export function requestFingerprint(input: CreateDeliveryInput): string {
  return sha256(canonicalPayload(input));
}

/** Without a header, the payload itself is the key, scoped to the partner organisation. */
export function derivedIdempotencyKey(partnerId: string, input: CreateDeliveryInput): string {
  return sha256(`delivery:${partnerId}:${canonicalPayload(input)}`);
}

/** An explicit `Idempotency-Key` replaces the derived key; the fingerprint guards against reuse. */
export function explicitIdempotencyKey(partnerId: string, headerValue: string): string {
  return sha256(`delivery:${partnerId}:key:${headerValue}`);
}
