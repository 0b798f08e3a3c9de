// The idempotency key each import row is created under (run-import-batch.ts), and what follows from
// it before anything is created: which rows of a file already exist, and which deliveries are an
// import's (the deliveries list's `import` filter).
import { partnerScope, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { derivedIdempotencyKey, explicitIdempotencyKey } from "@/lib/deliveries/canonical";
import type { CreateDeliveryInput } from "@/lib/deliveries/schemas";
import type { ImportRow } from "@/lib/imports/parse-import";

/** The raw key createDelivery gets for a row: its externalReference; none (its content) without one. */
export function importIdempotencyKey(input: CreateDeliveryInput): string | undefined {
  return input.externalReference ? `import:ref:${input.externalReference}` : undefined;
}

/** The stored key of a row's delivery, as createDelivery derives it. */
export function importRowKey(partnerId: string, input: CreateDeliveryInput): string {
  const raw = importIdempotencyKey(input);
  return raw ? explicitIdempotencyKey(partnerId, raw) : derivedIdempotencyKey(partnerId, input);
}

/** The distinct stored keys of an import's rows. */
function rowKeys(partnerId: string, rows: ImportRow[]): string[] {
  return [...new Set(rows.map((r) => importRowKey(partnerId, r.input)))];
}

/** Keys among these that a delivery holds and still deduplicates on (import keys never expire). */
async function liveKeys(keys: string[], now = new Date()): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const found = await db.delivery.findMany({
    where: {
      idempotencyKey: { in: keys },
      OR: [{ idempotencyKeyExpiresAt: null }, { idempotencyKeyExpiresAt: { gt: now } }],
    },
    select: { idempotencyKey: true },
  });
  return new Set(found.map((d) => d.idempotencyKey!));
}

export interface ImportPlan {
  /** Valid rows whose delivery exists already (same reference, or same content): not created again. */
  existing: number;
  /** Valid rows repeating an earlier row of the same file: created once. */
  repeated: number;
  /** Deliveries confirming would create. */
  toCreate: number;
}

/** What confirming an unconfirmed import would do, row by row against the deliveries there now. */
export async function planImport(record: { partnerId: string; rows: unknown }): Promise<ImportPlan> {
  const rows = record.rows as ImportRow[];
  const keys = rows.map((r) => importRowKey(record.partnerId, r.input));
  const live = await liveKeys([...new Set(keys)]);
  const seen = new Set<string>();
  const plan: ImportPlan = { existing: 0, repeated: 0, toCreate: 0 };
  for (const key of keys) {
    if (live.has(key)) plan.existing++;
    else if (seen.has(key)) plan.repeated++;
    else plan.toCreate++;
    seen.add(key);
  }
  return plan;
}

/**
 * The deliveries list's `import` filter: the file's name and its rows' keys, for an import in the
 * caller's scope (the list applies its own scope on top); null when there is no such import.
 */
export async function importDeliveryFilter(
  actor: Actor,
  importId: string,
): Promise<{ fileName: string | null; keys: string[] } | null> {
  // Couriers do not import: for them no import exists, as on the import pages.
  if (!can(actor, "imports.manage")) return null;
  const scope = partnerScope(actor);
  const record = await db.deliveryImport.findFirst({
    where: { id: importId, ...(scope && { partnerId: scope }) },
    select: { partnerId: true, fileName: true, rows: true },
  });
  if (!record) return null;
  return { fileName: record.fileName, keys: rowKeys(record.partnerId, record.rows as unknown as ImportRow[]) };
}

/** The name the deliveries list's `import` filter shows; null when the caller cannot see that import. */
export async function importFilterName(actor: Actor, importId: string): Promise<string | null> {
  if (!can(actor, "imports.manage")) return null;
  const scope = partnerScope(actor);
  const record = await db.deliveryImport.findFirst({
    where: { id: importId, ...(scope && { partnerId: scope }) },
    select: { fileName: true },
  });
  return record ? (record.fileName ?? "Untitled file") : null;
}
