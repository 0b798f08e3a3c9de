import { otherMethods } from "@/lib/api/methods";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/core/errors";
import { withApi } from "@/lib/api/handler";

const INIT = `window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#swagger-ui", deepLinking: true });`;

const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

// GET /api/v1/docs/{asset} – Swagger UI's own files from swagger-ui-dist
export const GET = withApi<{ asset: string }>({ public: true }, async ({ params }) => {
  const cacheControl = "public, max-age=86400";
  if (params.asset === "init.js") {
    return new Response(INIT, {
      headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": cacheControl },
    });
  }
  const type = ASSETS[params.asset];
  if (!type) throw new AppError("not_found", "No such asset.");
  const file = await readFile(path.join(process.cwd(), "node_modules", "swagger-ui-dist", params.asset));
  return new Response(file, { headers: { "content-type": type, "cache-control": cacheControl } });
});

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
