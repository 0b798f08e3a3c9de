import { readBytes } from "@/lib/api/body";
import { AppError } from "@/lib/api/errors";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { listImports, previewImport } from "@/lib/imports/manage-imports";
import { IMPORT_LIMITS } from "@/lib/imports/parse-import";

// POST /api/v1/imports – read and validate a CSV file of deliveries (creates none yet)
export const POST = withApi(
  { permission: "deliveries.create", visibleWith: "deliveries.read" },
  async ({ request, actor }) => {
    if (!/^text\/csv\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
      throw new AppError("unsupported_media_type", "Send the file as text/csv.");
    }
    const bytes = await readBytes(request, IMPORT_LIMITS.maxBytes);
    const fileName = request.headers.get("x-file-name");
    const summary = await previewImport({ actor, input: { bytes, fileName } });
    return json(summary, { status: 201, headers: { location: `/api/v1/imports/${summary.id}` } });
  },
);

// GET /api/v1/imports – the caller's recent imports, newest first
export const GET = withApi({ permission: "deliveries.create", visibleWith: "deliveries.read" }, async ({ actor }) =>
  json({ data: await listImports({ actor }) }),
);
