import { partnerScope, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { importSelect, summariseImport } from "@/lib/imports/import-summary";

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
