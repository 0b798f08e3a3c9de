// The one API-key resolver: lookup, last use (at most once a minute) and the rate-limit hits in
// one statement. Nothing is cached, so a revocation applies to the very next request everywhere.
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
  partnerId: string;
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

const actorOf = (row: Row): Actor => ({ kind: "API_KEY", id: row.id, role: "API_KEY", partnerId: row.partnerId });

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
      SELECT a."id", a."partnerId", a."lastUsedAt"
      FROM "ApiKey" a JOIN "Partner" p ON p."id" = a."partnerId"
      WHERE a."secretHash" = ${hashSecret(secret)} AND a."revokedAt" IS NULL AND p."active"
    ), used AS (
      -- minute precision is what people need; SKIP LOCKED: one request records it, none waits
      UPDATE "ApiKey" a SET "lastUsedAt" = now()
      WHERE a."id" = (SELECT x."id" FROM "ApiKey" x JOIN k ON x."id" = k."id"
                      WHERE k."lastUsedAt" IS NULL OR k."lastUsedAt" < now() - interval '1 minute'
                      FOR UPDATE OF x SKIP LOCKED)
      RETURNING a."id"
    ), hits AS (
      INSERT INTO "RateLimit" ("key", "windowStart", "count")
      SELECT t.prefix || CASE t.owner WHEN 'key' THEN k."id"::text ELSE k."partnerId"::text END,
        to_timestamp(floor(extract(epoch FROM now()) / t.w) * t.w) AT TIME ZONE 'UTC', 1
      FROM k CROSS JOIN unnest(${prefixes}::text[], ${owners}::text[], ${windows}::int[]) AS t(prefix, owner, w)
      -- a stable lock order keeps concurrent upserts free of deadlocks
      ORDER BY 1
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimit"."windowStart" = EXCLUDED."windowStart" THEN "RateLimit"."count" + 1 ELSE 1 END,
        "windowStart" = EXCLUDED."windowStart"
      RETURNING "key", "count"
    )
    SELECT k."id", k."partnerId",
      (SELECT coalesce(json_agg(json_build_object('key', h."key", 'count', h."count")), '[]') FROM hits h) AS counts
    FROM k`;
  return rows[0] ?? null;
}
