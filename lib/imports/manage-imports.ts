// Bulk import (issue 13): a partner's CSV file is read and validated first (nothing written but
// the import record), then, once confirmed, created row by row through createDelivery by the
// delivery-import background function. Every row has its own idempotency key — the row's
// externalReference when it has one, otherwise its canonical payload (the API's derived key) — so
// uploading the same file again, or re-running a batch after a crash, creates nothing twice.
import { z } from "zod";
import { AppError } from "@/lib/core/errors";
import { OPERATOR_ACTOR, partnerScope, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { createDelivery } from "@/lib/deliveries/create-delivery";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseImport, type ImportRow, type RowError } from "@/lib/imports/parse-import";
import { notifyUsers, partnerUserIds } from "@/lib/notifications/notify-users";
import { writeOutboxEvent } from "@/lib/outbox/events";
import { kickOutbox } from "@/lib/outbox/scheduler";

/** Rows created per background step. */
export const IMPORT_BATCH = 500;
/** Rows of a batch created at once: each is one statement; a few in parallel keep the pool busy. */
const PARALLEL_ROWS = 6;

export interface BatchResult {
  created: number;
  existed: number;
  failed: number;
  /** Rows refused while creating (e.g. the same reference already used for other details). */
  failures: RowError[];
}

const importSelect = {
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

type ImportRecord = Prisma.DeliveryImportGetPayload<{ select: typeof importSelect }>;

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

const partnerIdError = (message: string) =>
  new AppError("validation_failed", message, { errors: [{ path: "partnerId", message }] });

/**
 * The partner a new import creates deliveries for: a partner's own, or — for staff, who see every
 * partner — the active partner they name.
 */
async function uploadPartner(actor: Actor, requested: string | undefined): Promise<string> {
  authorize(actor, "imports.manage");
  const scope = partnerScope(actor);
  if (scope) {
    if (requested && requested !== scope) throw partnerIdError("Only staff import on behalf of another partner.");
    return scope;
  }
  authorize(actor, "deliveries.createOnBehalf");
  if (!requested) throw partnerIdError("Choose the partner these deliveries are for.");
  const partner = await db.partner.findFirst({ where: { id: requested, active: true }, select: { id: true } });
  if (!partner) throw partnerIdError("There is no active partner with this id.");
  return partner.id;
}

/** Reads and validates the file; stores the import as VALIDATED. Creates no delivery. */
export async function previewImport({
  actor,
  input,
}: {
  actor: Actor;
  input: { bytes: Uint8Array; fileName?: string | null; partnerId?: string };
}): Promise<ImportSummary> {
  const partnerId = await uploadPartner(actor, input.partnerId);
  const parsed = parseImport(input.bytes);
  const record = await db.deliveryImport.create({
    data: {
      partnerId,
      createdByKind: actor.kind,
      createdById: actor.id,
      fileName: input.fileName?.slice(0, 200) || null,
      totalRows: parsed.total,
      rows: parsed.rows as unknown as Prisma.InputJsonValue,
      errors: parsed.errors as unknown as Prisma.InputJsonValue,
    },
    select: importSelect,
  });
  return summariseImport(record);
}

async function scopedImport(actor: Actor, id: string): Promise<ImportRecord> {
  authorize(actor, "imports.manage");
  const scope = partnerScope(actor);
  const record = z.uuid().safeParse(id).success
    ? await db.deliveryImport.findFirst({ where: { id, ...(scope && { partnerId: scope }) }, select: importSelect })
    : null;
  if (!record) throw new AppError("not_found", "No import with this id.");
  return record;
}

export async function getImport({ actor, id }: { actor: Actor; id: string }): Promise<ImportSummary> {
  return summariseImport(await scopedImport(actor, id));
}

/** The imports in the caller's scope (staff: every partner's), newest first, the last 20. */
export async function listImports({ actor }: { actor: Actor }) {
  authorize(actor, "imports.manage");
  const scope = partnerScope(actor);
  const records = await db.deliveryImport.findMany({
    where: scope ? { partnerId: scope } : {},
    orderBy: { createdAt: "desc" },
    take: 20,
    select: importSelect,
  });
  return records.map(summariseImport);
}

/** The partner confirms: the rows are created in the background (delivery-import). */
export async function confirmImport({ actor, id }: { actor: Actor; id: string }): Promise<ImportSummary> {
  const record = await scopedImport(actor, id);
  if ((record.rows as unknown[]).length === 0) throw new AppError("conflict", "No row of this file is valid.");
  const confirmed = await db.$transaction(async (tx) => {
    const { count } = await tx.deliveryImport.updateMany({
      where: { id: record.id, status: "VALIDATED" },
      data: { status: "QUEUED", confirmedAt: new Date() },
    });
    if (count === 0) throw new AppError("conflict", "This import was already confirmed.");
    await writeOutboxEvent(tx, { name: "import/confirmed", data: { importId: record.id } });
    return tx.deliveryImport.findUniqueOrThrow({ where: { id: record.id }, select: importSelect });
  });
  kickOutbox();
  return summariseImport(confirmed);
}

/** The creator of an import, as createDelivery knows callers (recorded as each row's creator). */
async function importActor(record: { partnerId: string; id: string }): Promise<Actor> {
  const row = await db.deliveryImport.findUniqueOrThrow({
    where: { id: record.id },
    select: { createdByKind: true, createdById: true },
  });
  if (row.createdByKind === "API_KEY") {
    return { kind: "API_KEY", id: row.createdById, role: "API_KEY", partnerId: record.partnerId };
  }
  if (row.createdByKind === "SYSTEM") return OPERATOR_ACTOR;
  const user = await db.user.findUniqueOrThrow({
    where: { id: row.createdById },
    select: { email: true, role: true, partnerId: true },
  });
  return { kind: "USER", id: row.createdById, role: user.role, partnerId: user.partnerId, email: user.email };
}

/**
 * Creates rows [from, to) of a confirmed import and records the batch's result under its number
 * (a re-run replaces it). A row that already existed before the import was confirmed counts as
 * "existed"; one this import created — in this run or an interrupted earlier one — as "created".
 */
export async function runImportBatch(importId: string, batch: number): Promise<BatchResult> {
  const [record] = await db.$queryRaw<{ partnerId: string; confirmedAt: Date | null; rows: ImportRow[] | null }[]>`
    SELECT "partnerId", "confirmedAt",
      (SELECT jsonb_agg(e ORDER BY i) FROM jsonb_array_elements("rows") WITH ORDINALITY AS t(e, i)
        WHERE i > ${batch * IMPORT_BATCH} AND i <= ${(batch + 1) * IMPORT_BATCH}) AS "rows"
    FROM "DeliveryImport" WHERE "id" = ${importId}::uuid`;
  if (!record?.confirmedAt) throw new Error(`Import ${importId} is not confirmed`);
  const confirmedAt = record.confirmedAt;
  const actor = await importActor({ id: importId, partnerId: record.partnerId });
  const result: BatchResult = { created: 0, existed: 0, failed: 0, failures: [] };
  const seen = new Set<string>();
  const queue = [...(record.rows ?? [])];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await createRow(next);
  };
  const createRow = async ({ row, input }: ImportRow) => {
    try {
      const { delivery, created } = await createDelivery({
        actor,
        input,
        idempotencyKey: input.externalReference ? `import:ref:${input.externalReference}` : undefined,
        importId,
        // Staff uploaded it for this partner; a partner's own import creates as its own.
        onBehalfOf: actor.partnerId ? undefined : record.partnerId,
      });
      const fresh = (created || delivery.createdAt >= confirmedAt) && !seen.has(delivery.id);
      seen.add(delivery.id);
      if (fresh) result.created++;
      else result.existed++;
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      result.failed++;
      const message =
        error.code === "idempotency_key_reused"
          ? "A delivery with this externalReference already exists with other details."
          : (error.details.errors?.map((e) => `${e.path}: ${e.message}`).join("; ") ?? error.message);
      result.failures.push({ row, column: error.details.errors?.[0]?.path ?? null, message });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_ROWS }, worker));
  result.failures.sort((a, b) => a.row - b.row);
  await db.$executeRaw`
    UPDATE "DeliveryImport" SET "status" = 'RUNNING',
      "batches" = "batches" || jsonb_build_object(${String(batch)}::text, ${JSON.stringify(result)}::jsonb),
      "updatedAt" = now()
    WHERE "id" = ${importId}::uuid`;
  return result;
}

/** Marks the import finished and tells the partner's users in the app. */
export async function finishImport(importId: string) {
  const record = await db.deliveryImport.update({
    where: { id: importId },
    data: { status: "COMPLETED", finishedAt: new Date() },
    select: { ...importSelect, createdByKind: true, createdById: true },
  });
  const s = summariseImport(record);
  // The partner's people, and the staff member who uploaded it on the partner's behalf.
  const recipients = new Set(await partnerUserIds(record.partnerId));
  if (record.createdByKind === "USER") recipients.add(record.createdById);
  await notifyUsers([...recipients], {
    kind: "import.completed",
    title: `Import ${record.fileName ?? "of deliveries"} finished`,
    body: `${s.created} created, ${s.existed} already existed, ${s.failed + s.invalidRows} failed.`,
    dedupeKey: `import:${record.id}`,
  });
  return { created: s.created, existed: s.existed, failed: s.failed };
}

/** How many valid rows a confirmed import has to create (the background function's plan). */
export async function getImportSize(importId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT jsonb_array_length("rows")::int AS "n" FROM "DeliveryImport" WHERE "id" = ${importId}::uuid`;
  return row?.n ?? 0;
}

export function batchCount(validRows: number): number {
  return Math.ceil(validRows / IMPORT_BATCH);
}
