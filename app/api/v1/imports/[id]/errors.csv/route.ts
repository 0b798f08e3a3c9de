import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { csvLines } from "@/lib/core/csv";
import { getImport } from "@/lib/imports/get-import";

// GET /api/v1/imports/{id}/errors.csv – every refused row of an import, with its column and reason
export const GET = withApi<{ id: string }>({ permission: "imports.manage" }, async ({ actor, params }) => {
  const summary = await getImport({ actor, id: params.id });
  const lines = [...summary.errors, ...summary.failures].map((e) => [e.row, e.column, e.message]);
  return new Response(csvLines([["row", "column", "message"], ...lines]), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="import-${summary.id.slice(0, 8)}-errors.csv"`,
      "cache-control": "no-store",
    },
  });
});

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
