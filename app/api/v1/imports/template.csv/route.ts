import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { csvLines } from "@/lib/core/csv";
import { IMPORT_COLUMNS, type ImportColumn } from "@/lib/imports/parse-import";

// GET /api/v1/imports/template.csv – the columns an import file has (the create schema's fields)
export const GET = withApi({ permission: "imports.manage" }, async () => {
  const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const example: Record<ImportColumn, string> = {
    pickupAddress: "12 Market St, Springfield",
    dropoffAddress: "4 Elm Rd, Springfield",
    recipientName: "Ada Lovelace",
    recipientPhone: "",
    recipientEmail: "ada@example.com",
    productName: "Books",
    packageWeightKg: "2.5",
    deliveryDate: day,
    pickupWindowFrom: "",
    pickupWindowTo: "",
    // Optional: a wall-clock time (2030-01-15 14:00) is read in the partner's time zone, an offset
    // (…+01:00, …Z) is taken as given; with a drop-off window the delivery date may stay blank.
    dropoffWindowFrom: "",
    dropoffWindowTo: "",
    notes: "",
    externalReference: "ORDER-1001",
  };
  return new Response(csvLines([IMPORT_COLUMNS, IMPORT_COLUMNS.map((c) => example[c])]), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="deliveries-import-template.csv"',
      "cache-control": "no-store",
    },
  });
});

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
