import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { getImport } from "@/lib/imports/get-import";

// GET /api/v1/imports/{id} – status, counts, errors and progress of one import
export const GET = withApi<{ id: string }>({ permission: "imports.manage" }, async ({ actor, params }) =>
  json(await getImport({ actor, id: params.id })),
);

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
