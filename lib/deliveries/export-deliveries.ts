// The deliveries list (same filters, scope and order) as CSV, streamed along the keyset in constant
// memory: the import template's columns, then what the platform adds, through the one CSV writer.
import { csvLine, csvLines } from "@/lib/core/csv";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import type { DeliverySort, ListDeliveriesQuery } from "@/lib/deliveries/schemas";
import { serializeDelivery, type DeliveryRow } from "@/lib/deliveries/serialize";
import { IMPORT_COLUMNS } from "@/lib/imports/parse-import";

export const EXPORT_COLUMNS = [
  ...IMPORT_COLUMNS,
  "trackingCode",
  "status",
  "late",
  "eta",
  "attempt",
  "partner",
  "createdAt",
  "updatedAt",
] as const;

/** Rows per database page while exporting. */
const PAGE = 1000;

/** The API's representation of the row, laid out in the export's columns. */
function cells(row: DeliveryRow): string[] {
  const { pickupWindow, dropoffWindow, ...delivery } = serializeDelivery(row);
  const value: Record<(typeof EXPORT_COLUMNS)[number], string | number | boolean | null> = {
    ...delivery,
    // Windows as the import reads them back: two cells each, in UTC with its offset.
    pickupWindowFrom: pickupWindow?.from ?? null,
    pickupWindowTo: pickupWindow?.to ?? null,
    dropoffWindowFrom: dropoffWindow?.from ?? null,
    dropoffWindowTo: dropoffWindow?.to ?? null,
    partner: delivery.partner.name,
  };
  return EXPORT_COLUMNS.map((c) => String(value[c] ?? ""));
}

type ExportOptions = { actor: Actor; query: ListDeliveriesQuery; sort?: DeliverySort };

/** Checks the caller before the first byte, then yields the CSV in chunks (one per page). */
export function exportDeliveriesCsv(options: ExportOptions): AsyncGenerator<string> {
  authorize(options.actor, "deliveries.read");
  return csvChunks(options);
}

async function* csvChunks(options: ExportOptions): AsyncGenerator<string> {
  yield csvLine(EXPORT_COLUMNS);
  let cursor: string | undefined;
  do {
    const page = await listDeliveries({
      actor: options.actor,
      query: { ...options.query, limit: PAGE, cursor },
      sort: options.sort,
    });
    if (page.data.length) yield csvLines(page.data.map(cells));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
