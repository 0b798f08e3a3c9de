import { db } from "@/lib/db";
import { createFormatter } from "@/lib/core/format";
import { importSelect, summariseImport } from "@/lib/imports/import-summary";
import { notifyUsers, partnerUserIds } from "@/lib/notifications/notify-users";

/** Notifications have no viewer: numbers are grouped as the app's default locale writes them. */
const format = createFormatter();

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
    body: `${format.number(s.created)} created, ${format.number(s.existed)} already existed, ${format.number(s.failed + s.invalidRows)} failed.`,
    dedupeKey: `import:${record.id}`,
    importId: record.id,
  });
  return { created: s.created, existed: s.existed, failed: s.failed };
}
