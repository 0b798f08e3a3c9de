// CSV in and out: imports (upload, confirm, follow, refused rows, template) and the export.
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { exportDeliveriesQuerySchema } from "@/lib/deliveries/schemas";
import { importSummarySchema, importUploadQuerySchema } from "@/lib/imports/schemas";
import { addOperation, csvFile, idParam, ok, problem, SIGNED_IN } from "./shared";

export function registerImports(registry: OpenAPIRegistry) {
  const tags: ["Imports and exports"] = ["Imports and exports"];
  // Couriers do not import: the route does not exist for them.
  const notAnImporter = problem("The caller is a courier (the 404 of an unknown path).");
  const notYours = problem("Not yours, or no such import; or the caller is a courier.");
  addOperation(registry, {
    operationId: "uploadImport",
    tags,
    method: "post",
    path: "/api/v1/imports",
    summary: "Upload a CSV file of deliveries (validated, nothing created yet)",
    description:
      "Up to 10,000 rows and 5 MB, UTF-8 (BOM optional), comma or semicolon separated; columns as in the template. " +
      "Every row is checked with the create schema; confirm the import to create the valid rows. Optional header " +
      "`X-File-Name` (percent-encoded when not ASCII). Staff (admins, signed in) import on behalf of a partner by naming it in `partnerId`.",
    security: SIGNED_IN,
    request: {
      query: importUploadQuerySchema,
      body: { required: true, content: { "text/csv": { schema: z.string() } } },
    },
    responses: {
      201: ok("Read and validated.", importSummarySchema),
      400: problem("Not a CSV file we can read, unknown/missing columns, or a missing/unknown `partnerId` (staff)."),
      404: notAnImporter,
      413: problem("Larger than 5 MB or more than 10,000 rows."),
      415: problem("Not text/csv."),
    },
  });
  addOperation(registry, {
    operationId: "listImports",
    tags,
    method: "get",
    path: "/api/v1/imports",
    summary: "Your recent imports (staff: every partner's)",
    description: "Newest first, with their status and counts.",
    security: SIGNED_IN,
    responses: { 200: ok("Newest first.", z.object({ data: z.array(importSummarySchema) })), 404: notAnImporter },
  });
  addOperation(registry, {
    operationId: "getImportTemplate",
    tags,
    method: "get",
    path: "/api/v1/imports/template.csv",
    summary: "The import template",
    description: "A header row with the create schema's fields and one example row.",
    security: SIGNED_IN,
    responses: { 200: csvFile("The columns and one example row."), 404: notAnImporter },
  });
  addOperation(registry, {
    operationId: "getImport",
    tags,
    method: "get",
    path: "/api/v1/imports/{id}",
    summary: "One import: status, counts, errors, progress",
    description: "Poll it after confirming to follow the rows being created.",
    security: SIGNED_IN,
    request: { params: idParam },
    responses: { 200: ok("The import.", importSummarySchema), 404: notYours },
  });
  addOperation(registry, {
    operationId: "discardImport",
    tags,
    method: "delete",
    path: "/api/v1/imports/{id}",
    summary: "Discard an import that is not confirmed",
    description:
      "An uploaded file you do not want to create: the import is deleted and no longer listed. It created nothing, " +
      "so nothing else changes. A confirmed import cannot be discarded.",
    security: SIGNED_IN,
    request: { params: idParam },
    responses: {
      204: { description: "Discarded." },
      404: notYours,
      409: problem("Already confirmed."),
    },
  });
  addOperation(registry, {
    operationId: "confirmImport",
    tags,
    method: "post",
    path: "/api/v1/imports/{id}/confirm",
    summary: "Create the valid rows (in the background)",
    description:
      "Each row is created through the same path as POST /deliveries, with its own idempotency key: the row's " +
      "externalReference, or its content. Uploading the same file again creates nothing new.",
    security: SIGNED_IN,
    request: { params: idParam },
    responses: {
      202: ok("Queued; poll GET /imports/{id} for progress.", importSummarySchema),
      404: notYours,
      409: problem("Already confirmed, or no valid row."),
    },
  });
  addOperation(registry, {
    operationId: "getImportErrors",
    tags,
    method: "get",
    path: "/api/v1/imports/{id}/errors.csv",
    summary: "Every refused row of an import",
    description: "One line per problem: row, column, message.",
    security: SIGNED_IN,
    request: { params: idParam },
    responses: { 200: csvFile("row, column, message."), 404: notYours },
  });
  addOperation(registry, {
    operationId: "exportDeliveries",
    tags,
    method: "get",
    path: "/api/v1/deliveries.csv",
    summary: "Export deliveries as CSV",
    description:
      "The list's view (same filters and scope, one of the table's sorts) as CSV, streamed: the columns of the import " +
      "template, then trackingCode, status, partner, createdAt, updatedAt. Cells starting with = + - @ are prefixed " +
      "with ' so spreadsheets do not run them as formulas.",
    security: SIGNED_IN,
    request: { query: exportDeliveriesQuerySchema },
    responses: { 200: csvFile("The CSV file."), 400: problem("Invalid query.") },
  });
}
