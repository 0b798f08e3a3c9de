import { otherMethods } from "@/lib/api/methods";
import { AppError } from "@/lib/core/errors";
import { withApi } from "@/lib/api/handler";
import { trackingBucket } from "@/lib/auth/rate-limits";
import { trackDelivery } from "@/lib/deliveries/track-delivery";
import { openStream } from "@/lib/live/stream";
import { hit } from "@/lib/rate-limit";

// GET /api/v1/tracking/{trackingCode}/live – server-sent events: this code's status changes only
export const GET = withApi<{ trackingCode: string }>({ public: true }, async ({ request, params }) => {
  const limit = await hit([trackingBucket(request.headers)]);
  if (!limit.allowed) throw new AppError("rate_limited", `Too many lookups; retry in ${limit.resetSeconds} s.`);
  // An unknown code is a 404 here as on the tracking page; the canonical spelling is what is matched.
  const { trackingCode } = await trackDelivery(params.trackingCode);
  return openStream({ kind: "tracking", trackingCode }, request);
});

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
