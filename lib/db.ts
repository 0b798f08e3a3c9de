// The one Prisma client, cached across hot reloads. Password hashes are omitted by default:
// code that needs one (sign-in) asks for it explicitly.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * Names for prepared statements, so each connection parses a query's text once and PostgreSQL can
 * reuse its plan instead of planning it on every execution (measured: planning was most of
 * PostgreSQL's CPU per API request, the API-key statement above all). One name per distinct text in
 * this process (a name must always mean the same text). Unnamed (pg reads "" as no name), so
 * planned with their values each time: text searches, whose best plan depends on the pattern (a
 * generic plan cannot tell a rare term from a common one), and, past the cap, new texts, so that an
 * unexpected variety of texts cannot grow every connection's cache without end.
 */
const MAX_NAMED_STATEMENTS = 1_000;
const PATTERN_MATCH = /\bI?LIKE\b/i;
const statementNames = new Map<string, string>();
export function statementName({ sql }: { sql: string }): string {
  if (PATTERN_MATCH.test(sql)) return "";
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS) {
    name = `prisma_${statementNames.size}`;
    statementNames.set(sql, name);
  }
  return name ?? "";
}

const globalForDb = globalThis as unknown as { db?: Db; dbPool?: pg.Pool };

function createClient() {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
  // Made here rather than by the adapter so that the metrics can read its counts (globalThis.dbPool).
  const pool = (globalForDb.dbPool = new pg.Pool({
    connectionString: DATABASE_URL,
    max: DATABASE_POOL_SIZE,
    connectionTimeoutMillis: 5_000,
  }));
  const adapter = new PrismaPg(pool, { statementNameGenerator: statementName, disposeExternalPool: true });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export const db: Db = new Proxy({} as Db, {
  // Created on first use, so that `next build` can import modules without a database.
  get(_target, prop) {
    const client = (globalForDb.db ??= createClient());
    const value = Reflect.get(client, prop);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
