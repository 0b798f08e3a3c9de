import { otherMethods } from "@/lib/api/methods";
import { AppError } from "@/lib/core/errors";
import { withApi } from "@/lib/api/handler";
import { json, problem } from "@/lib/api/responses";
import { trackDelivery } from "@/lib/deliveries/track-delivery";
import { env } from "@/lib/env";
import { clientIp, clientKey, hit, rateLimitHeaders } from "@/lib/rate-limit";

// GET /api/v1/tracking/{trackingCode} – public status timeline, no personal data
export const GET = withApi<{ trackingCode: string }>({ public: true }, async ({ request, params, requestId }) => {
  // Anyone may ask, so each client is counted: a recipient refreshes, a guesser tries thousands.
  const limit = await hit([
    {
      key: `track:${clientKey(clientIp(request.headers))}`,
      limit: env().RATE_LIMIT_TRACKING_PER_CLIENT,
      windowSeconds: 60,
    },
  ]);
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
