import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { confirmImport } from "@/lib/imports/confirm-import";

// POST /api/v1/imports/{id}/confirm – create the valid rows, in the background
export const POST = withApi<{ id: string }>({ permission: "imports.manage" }, async ({ actor, params }) =>
  json(await confirmImport({ actor, id: params.id }), { status: 202 }),
);

// Any other method – 405 with Allow
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
