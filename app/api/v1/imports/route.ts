import { otherMethods } from "@/lib/api/methods";
import { readBytes } from "@/lib/api/body";
import { parseWith } from "@/lib/core/validation";
import { AppError } from "@/lib/core/errors";
import { withApi } from "@/lib/api/handler";
import { fileNameHeader, searchParamsObject } from "@/lib/api/http";
import { json } from "@/lib/api/responses";
import { listImports } from "@/lib/imports/list-imports";
import { previewImport } from "@/lib/imports/preview-import";
import { IMPORT_LIMITS } from "@/lib/imports/parse-import";
import { importUploadQuerySchema } from "@/lib/imports/schemas";

// POST /api/v1/imports – read and validate a CSV file of deliveries (creates none yet)
export const POST = withApi({ permission: "imports.manage" }, async ({ request, actor }) => {
  const { partnerId } = parseWith(importUploadQuerySchema, searchParamsObject(request.url), "query");
  if (!/^text\/csv\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("unsupported_media_type", "Send the file as text/csv.");
  }
  const bytes = await readBytes(request, IMPORT_LIMITS.maxBytes);
  const fileName = fileNameHeader(request);
  const summary = await previewImport({ actor, input: { bytes, fileName, partnerId } });
  return json(summary, { status: 201, headers: { location: `/api/v1/imports/${summary.id}` } });
});

// GET /api/v1/imports – the caller's recent imports (staff: every partner's), newest first
export const GET = withApi({ permission: "imports.manage" }, async ({ actor }) =>
  json({ data: await listImports({ actor }) }),
);

// Any other method – 405 with Allow
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
