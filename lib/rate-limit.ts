// Fixed-window rate limits kept in PostgreSQL, so every app instance shares them.
// One upsert per request counts all its buckets atomically: no read-then-write race, one round trip.
import ipaddr from "ipaddr.js";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export interface Bucket {
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface LimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the current window ends. */
  resetSeconds: number;
}

/** Counts one hit in every bucket; the answer is the most restrictive bucket's state. */
export async function hit(buckets: Bucket[]): Promise<LimitState> {
  return mostRestrictive(await hitEach(buckets));
}

/** Counts one hit in every bucket; the state of each, in the order given. */
export async function hitEach(buckets: Bucket[]): Promise<LimitState[]> {
  // A stable lock order (sorted keys) keeps concurrent multi-bucket upserts free of deadlocks.
  const sorted = [...buckets].sort((a, b) => (a.key < b.key ? -1 : 1));
  const rows = await db.$queryRaw<{ key: string; count: number }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count")
    SELECT k, to_timestamp(floor(extract(epoch FROM now()) / w) * w) AT TIME ZONE 'UTC', 1
    FROM unnest(${sorted.map((b) => b.key)}::text[], ${sorted.map((b) => b.windowSeconds)}::int[]) WITH ORDINALITY AS t(k, w, n)
    ORDER BY n
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" = EXCLUDED."windowStart" THEN "RateLimit"."count" + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING "key", "count"`;
  return statesOf(buckets, rows);
}

/** Each bucket's state from the counts an upsert returned (here, or in lib/auth/api-key-request.ts). */
export function statesOf(buckets: Bucket[], rows: { key: string; count: number }[]): LimitState[] {
  const now = Date.now() / 1000;
  return buckets.map((bucket): LimitState => {
    const count = rows.find((r) => r.key === bucket.key)?.count ?? 1;
    return {
      allowed: count <= bucket.limit,
      limit: bucket.limit,
      remaining: Math.max(0, bucket.limit - count),
      resetSeconds: Math.max(1, Math.ceil(bucket.windowSeconds - (now % bucket.windowSeconds))),
    };
  });
}

/** The answer for a request counted in several buckets: the most restrictive one's state. */
export function mostRestrictive(states: LimitState[]): LimitState {
  return states.find((s) => !s.allowed) ?? states.reduce((a, b) => (b.remaining < a.remaining ? b : a));
}

/** Takes back one hit from each bucket, if it was counted in the current window. */
export async function refund(buckets: Bucket[]): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateLimit" r SET "count" = GREATEST(r."count" - 1, 0)
    FROM unnest(${buckets.map((b) => b.key)}::text[], ${buckets.map((b) => b.windowSeconds)}::int[]) AS t(k, w)
    WHERE r."key" = t.k
      AND r."windowStart" = to_timestamp(floor(extract(epoch FROM now()) / t.w) * t.w) AT TIME ZONE 'UTC'`;
}

/** Forgets the buckets altogether. */
export async function clear(buckets: Bucket[]): Promise<void> {
  await db.$executeRaw`DELETE FROM "RateLimit" WHERE "key" = ANY(${buckets.map((b) => b.key)}::text[])`;
}

/** IETF draft RateLimit header fields, plus Retry-After when refused. */
export function rateLimitHeaders(state: LimitState): Record<string, string> {
  const headers: Record<string, string> = {
    "ratelimit-limit": String(state.limit),
    "ratelimit-remaining": String(state.remaining),
    "ratelimit-reset": String(state.resetSeconds),
  };
  if (!state.allowed) headers["retry-after"] = String(state.resetSeconds);
  return headers;
}

/**
 * The client address for per-client limits. Our server (scripts/server.mjs) appends the socket's
 * peer to X-Forwarded-For, as each proxy in front of it appends its own peer; so the client is
 * TRUST_PROXY hops left of the last one. Anything further left was written by the client itself
 * and is never believed. With TRUST_PROXY unset (0), the client is the socket's peer.
 */
export function clientIp(headers: Headers, trustedProxies = env().TRUST_PROXY): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.at(-1 - trustedProxies) ?? hops[0] ?? "unknown";
}

/**
 * What a per-client limit counts by: an IPv4 address as is (IPv4-mapped IPv6 too), an IPv6 address
 * by its /64 — one subscriber usually holds a whole /64 and can pick any address in it per request.
 */
export function clientKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6 = ipaddr.parse(address);
  if (parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()) parsed = parsed.toIPv4Address();
  if (parsed instanceof ipaddr.IPv4) return parsed.toString();
  const prefix = parsed.parts.slice(0, 4).map((part) => part.toString(16));
  return `${prefix.join(":")}::/64`;
}
