import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { openApiDocument } from "@/lib/api/openapi";

// GET /api/v1/openapi.json – the OpenAPI 3.1 document
export const GET = withApi({ public: true }, async () =>
  json(openApiDocument(), { headers: { "cache-control": "public, max-age=60" } }),
);

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
