// The one API-key resolver: lookup, last use (at most once a minute) and the rate-limit hits in
// one statement, resolving a key of any role to its actor. Nothing is cached, so a revocation (or
// a courier's deactivation) applies to the very next request everywhere.
import type { Actor } from "@/lib/auth/actor";
import { hashSecret, SECRET_PATTERN } from "@/lib/auth/api-keys";
import { apiBuckets } from "@/lib/auth/rate-limits";
import { db } from "@/lib/db";
import { mostRestrictive, statesOf, type LimitState } from "@/lib/rate-limit";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The bearer secret of a request: undefined without an Authorization header (the session decides
 * then), null when the header is there but names no key (always 401).
 */
export function bearerSecret(request: Request): string | null | undefined {
  const authorization = request.headers.get("authorization");
  if (authorization === null) return undefined;
  return BEARER.exec(authorization)?.[1] ?? null;
}

interface Row {
  id: string;
  role: "PARTNER" | "ADMIN" | "COURIER";
  /** The key's partner; for a courier key, the courier's (usually none). */
  partnerId: string | null;
  userId: string | null;
  email: string | null;
  counts: { key: string; count: number }[];
}

/**
 * The key behind a bearer secret with one hit counted in each of its buckets, or null when unknown,
 * revoked or of an inactive partner (then nothing is counted).
 */
export async function resolveApiKey(secret: string): Promise<{ actor: Actor; limit: LimitState } | null> {
  const row = await lookUp(secret, true);
  if (!row) return null;
  const actor = actorOf(row);
  return { actor, limit: mostRestrictive(statesOf(apiBuckets(actor), row.counts)) };
}

/** The same key without counting a hit: for a call the key may not make, refused before counting. */
export async function apiKeyActor(secret: string): Promise<Actor | null> {
  const row = await lookUp(secret, false);
  return row ? actorOf(row) : null;
}

/**
 * The actor a key acts as, the same a session of its role gives, so use cases need not know keys:
 * a partner key its partner, an admin key an admin (recorded as the key, having no user), a
 * courier key the courier user itself (their assignments, their history entries).
 */
function actorOf(row: Row): Actor {
  if (row.role === "ADMIN") return { kind: "API_KEY", id: row.id, role: "ADMIN", partnerId: null };
  if (row.role === "COURIER") {
    return { kind: "USER", id: row.userId!, role: "COURIER", partnerId: row.partnerId, email: row.email! };
  }
  return { kind: "API_KEY", id: row.id, role: "API_KEY", partnerId: row.partnerId! };
}

async function lookUp(secret: string, count: boolean): Promise<Row | null> {
  if (!SECRET_PATTERN.test(secret)) return null;
  // The bucket keys end in the key's and the partner's ids, known only inside the statement: the
  // prefixes come from apiBuckets() itself, with placeholder ids swapped for SQL below.
  const template = count ? apiBuckets({ kind: "API_KEY", id: "\u0001", role: "API_KEY", partnerId: "\u0002" }) : [];
  const prefixes = template.map((b) => b.key.replace(/[\u0001\u0002]$/, ""));
  const owners = template.map((b) => (b.key.endsWith("\u0001") ? "key" : "partner"));
  const windows = template.map((b) => b.windowSeconds);
  const rows = await db.$queryRaw<Row[]>`
    WITH k AS (
      -- usable: not revoked, its partner active, a courier key's courier still an active courier
      SELECT a."id", a."role"::text AS "role", a."lastUsedAt", a."userId", u."email",
        CASE WHEN a."role" = 'COURIER' THEN u."partnerId" ELSE a."partnerId" END AS "partnerId",
        -- what the rate limit counts as the caller: the courier for a courier key, as for a session
        CASE WHEN a."role" = 'COURIER' THEN a."userId" ELSE a."id" END AS "callerId"
      FROM "ApiKey" a
      LEFT JOIN "Partner" p ON p."id" = a."partnerId"
      LEFT JOIN "User" u ON u."id" = a."userId"
      LEFT JOIN "Partner" up ON up."id" = u."partnerId"
      WHERE a."secretHash" = ${hashSecret(secret)} AND a."revokedAt" IS NULL
        AND (a."partnerId" IS NULL OR p."active")
        AND (a."userId" IS NULL OR (u."active" AND u."role" = 'COURIER' AND COALESCE(up."active", true)))
    ), used AS (
      -- minute precision is what people need; SKIP LOCKED: one request records it, none waits
      UPDATE "ApiKey" a SET "lastUsedAt" = now()
      WHERE a."id" = (SELECT x."id" FROM "ApiKey" x JOIN k ON x."id" = k."id"
                      WHERE k."lastUsedAt" IS NULL OR k."lastUsedAt" < now() - interval '1 minute'
                      FOR UPDATE OF x SKIP LOCKED)
      RETURNING a."id"
    ), hits AS (
      INSERT INTO "RateLimit" ("key", "windowStart", "count")
      SELECT t.prefix || CASE t.owner WHEN 'key' THEN k."callerId"::text ELSE k."partnerId"::text END,
        to_timestamp(floor(extract(epoch FROM now()) / t.w) * t.w) AT TIME ZONE 'UTC', 1
      FROM k CROSS JOIN unnest(${prefixes}::text[], ${owners}::text[], ${windows}::int[]) AS t(prefix, owner, w)
      -- a caller without a partner (admin and most courier keys) has no partner bucket
      WHERE t.owner = 'key' OR k."partnerId" IS NOT NULL
      -- a stable lock order keeps concurrent upserts free of deadlocks
      ORDER BY 1
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimit"."windowStart" = EXCLUDED."windowStart" THEN "RateLimit"."count" + 1 ELSE 1 END,
        "windowStart" = EXCLUDED."windowStart"
      RETURNING "key", "count"
    )
    SELECT k."id", k."role", k."partnerId", k."userId", k."email",
      (SELECT coalesce(json_agg(json_build_object('key', h."key", 'count', h."count")), '[]') FROM hits h) AS counts
    FROM k`;
  return rows[0] ?? null;
}
