import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { authorizeScrape, readMetrics } from "@/lib/observability/read-metrics";

export const dynamic = "force-dynamic";

// GET /api/metrics – Prometheus exposition of every worker, for loopback callers or METRICS_TOKEN
export const GET = withApi({ public: true }, async ({ request }) => {
  authorizeScrape(request);
  const { contentType, text } = await readMetrics();
  return new Response(text, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
