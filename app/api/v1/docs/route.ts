import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Delivery platform API</title>
  <link rel="stylesheet" href="/api/v1/docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/v1/docs/swagger-ui-bundle.js"></script>
  <script src="/api/v1/docs/init.js"></script>
</body>
</html>`;

// GET /api/v1/docs – Swagger UI, served from this app (no CDN)
export const GET = withApi(
  { public: true },
  async () => new Response(PAGE, { headers: { "content-type": "text/html; charset=utf-8" } }),
);

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
