// An API-key request's authentication and rate limiting in one database round trip (issue 11):
// the key is looked up (unknown, revoked or of an inactive partner → no row), its last use
// recorded at most once a minute, and one hit counted in each of its buckets (lib/auth/rate-limits.ts),
// all in one statement. Nothing is cached: a revocation applies to the very next request, on every
// instance, and the counters stay exact across processes. A key that does not resolve counts nothing.
import type { Actor } from "@/lib/auth/actor";
import { hashSecret } from "@/lib/auth/api-keys";
import { apiBuckets } from "@/lib/auth/rate-limits";
import { db } from "@/lib/db";
import { mostRestrictive, statesOf, type LimitState } from "@/lib/rate-limit";

const SECRET_PATTERN = /^dap_live_[A-Za-z0-9_-]{43}$/;
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

export async function resolveApiKeyAndHit(secret: string): Promise<{ actor: Actor; limit: LimitState } | null> {
  if (!SECRET_PATTERN.test(secret)) return null;
  // The bucket keys end in the key's and the partner's ids, known only inside the statement: the
  // prefixes come from apiBuckets() itself, with placeholder ids swapped for SQL below.
  const template = apiBuckets({ kind: "API_KEY", id: "\u0001", role: "API_KEY", partnerId: "\u0002" });
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
  const row = rows[0];
  if (!row) return null;
  const actor: Actor = { kind: "API_KEY", id: row.id, role: "API_KEY", partnerId: row.partnerId };
  return { actor, limit: mostRestrictive(statesOf(apiBuckets(actor), row.counts)) };
}
