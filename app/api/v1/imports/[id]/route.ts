import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { discardImport } from "@/lib/imports/discard-import";
import { getImport } from "@/lib/imports/get-import";

// GET /api/v1/imports/{id} – status, counts, errors and progress of one import
export const GET = withApi<{ id: string }>({ permission: "imports.manage" }, async ({ actor, params }) =>
  json(await getImport({ actor, id: params.id })),
);

// DELETE /api/v1/imports/{id} – discard an import not confirmed yet (it created nothing)
export const DELETE = withApi<{ id: string }>({ permission: "imports.manage" }, async ({ actor, params }) => {
  await discardImport({ actor, id: params.id });
  return new Response(null, { status: 204 });
});

// Any other method – 405 with Allow
export const { POST, PUT, PATCH } = otherMethods("GET", "DELETE");
