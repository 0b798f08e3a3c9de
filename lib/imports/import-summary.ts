// What every import use case shares: the record's columns, what callers see of it, the caller's
// scoped lookup, and how rows are cut into background batches.
import { z } from "zod";
import { AppError } from "@/lib/core/errors";
import { partnerScope, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportRow, RowError } from "@/lib/imports/parse-import";

/** Rows created per background step. */
export const IMPORT_BATCH = 500;
export interface BatchResult {
  created: number;
  existed: number;
  failed: number;
  /** Rows refused while creating (e.g. the same reference already used for other details). */
  failures: RowError[];
}

export const importSelect = {
  id: true,
  partnerId: true,
  partner: { select: { name: true } },
  fileName: true,
  status: true,
  totalRows: true,
  errors: true,
  batches: true,
  rows: true,
  confirmedAt: true,
  finishedAt: true,
  createdAt: true,
} as const;

export type ImportRecord = Prisma.DeliveryImportGetPayload<{ select: typeof importSelect }>;

/** What callers see of an import: the counts, the validation errors, the progress. */
export function summariseImport(record: ImportRecord) {
  const rows = record.rows as unknown as ImportRow[];
  const batches = Object.values(record.batches as unknown as Record<string, BatchResult>);
  const sum = (key: "created" | "existed" | "failed") => batches.reduce((n, b) => n + b[key], 0);
  const processed = sum("created") + sum("existed") + sum("failed");
  return {
    id: record.id,
    partnerId: record.partnerId,
    partnerName: record.partner.name,
    fileName: record.fileName,
    status: record.status,
    totalRows: record.totalRows,
    validRows: rows.length,
    invalidRows: new Set((record.errors as unknown as RowError[]).map((e) => e.row)).size,
    errors: record.errors as unknown as RowError[],
    processed,
    created: sum("created"),
    existed: sum("existed"),
    failed: sum("failed"),
    failures: batches.flatMap((b) => b.failures),
    progress: rows.length === 0 ? 1 : processed / rows.length,
    createdAt: record.createdAt.toISOString(),
    confirmedAt: record.confirmedAt?.toISOString() ?? null,
    finishedAt: record.finishedAt?.toISOString() ?? null,
  };
}

export type ImportSummary = ReturnType<typeof summariseImport>;

/** The import with this id, if it is in the caller's scope; not_found otherwise. */
export async function scopedImport(actor: Actor, id: string): Promise<ImportRecord> {
  authorize(actor, "imports.manage");
  const scope = partnerScope(actor);
  const record = z.uuid().safeParse(id).success
    ? await db.deliveryImport.findFirst({ where: { id, ...(scope && { partnerId: scope }) }, select: importSelect })
    : null;
  if (!record) throw new AppError("not_found", "No import with this id.");
  return record;
}

export function batchCount(validRows: number): number {
  return Math.ceil(validRows / IMPORT_BATCH);
}
