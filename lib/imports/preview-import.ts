// A CSV import, step one: the file is read and validated first; nothing is written but the import
// record, and the partner confirms before any delivery is created (confirm-import.ts).
import { AppError } from "@/lib/core/errors";
import { partnerScope, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { importSelect, summariseImport, type ImportSummary } from "@/lib/imports/import-summary";
import { parseImport } from "@/lib/imports/parse-import";

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
  // Window cells may be wall-clock times: they are read in the partner's time zone.
  const { timeZone } = await db.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { timeZone: true } });
  const parsed = parseImport(input.bytes, timeZone);
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
