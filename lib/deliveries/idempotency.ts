// How long a create request's idempotency key deduplicates (DESIGN §5): published in the OpenAPI
// document and the README, enforced by createDelivery when a new request meets an old key.

/** An explicit `Idempotency-Key` (API header or the web form's key): 24 hours, as Stripe keeps them. */
export const IDEMPOTENCY_KEY_RETENTION_HOURS = 24;

/**
 * Without a header, an identical body from the same partner is a retry for this long. Long enough
 * for a client's retries with backoff, short enough that the same parcel booked again later in the
 * day is a new delivery.
 */
export const KEYLESS_DEDUP_WINDOW_MINUTES = 60;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** When a key claimed at `now` stops deduplicating; null for keys that never expire (imports). */
export function keyExpiry(now: Date, kind: "explicit" | "derived" | "permanent"): Date | null {
  if (kind === "permanent") return null;
  const ms = kind === "explicit" ? IDEMPOTENCY_KEY_RETENTION_HOURS * HOUR_MS : KEYLESS_DEDUP_WINDOW_MINUTES * MINUTE_MS;
  return new Date(now.getTime() + ms);
}

export const IDEMPOTENCY_DESCRIPTION =
  `Makes retries safe. The same key with the same body returns the delivery the first request created ` +
  `(200, \`Idempotent-Replayed: true\`); with another body, 422. Keys are kept for ` +
  `${IDEMPOTENCY_KEY_RETENTION_HOURS} hours from the first request: after that the key is free again and ` +
  `a request with it creates a new delivery. Send the header once: a key may not contain a comma, because ` +
  `two headers arrive joined by one (400). A request arriving while the first with the same key is still ` +
  `being written waits for it (the creation is one database statement) and then gets its replay, never a 409.`;
