import { otherMethods } from "@/lib/api/methods";
import { AppError } from "@/lib/core/errors";
import { withApi } from "@/lib/api/handler";
import { json, problem } from "@/lib/api/responses";
import { trackDelivery } from "@/lib/deliveries/track-delivery";
import { trackingBucket } from "@/lib/auth/rate-limits";
import { hit, rateLimitHeaders } from "@/lib/rate-limit";

// GET /api/v1/tracking/{trackingCode} – public status timeline, no personal data
export const GET = withApi<{ trackingCode: string }>({ public: true }, async ({ request, params, requestId }) => {
  const limit = await hit([trackingBucket(request.headers)]);
  const headers = rateLimitHeaders(limit);
  if (!limit.allowed) {
    const refused = problem(
      new AppError("rate_limited", `Too many lookups; retry in ${limit.resetSeconds} s.`),
      requestId,
    );
    for (const [name, value] of Object.entries(headers)) refused.headers.set(name, value);
    return refused;
  }
  return json(await trackDelivery(params.trackingCode), {
    headers: { ...headers, "cache-control": "public, max-age=15" },
  });
});

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
