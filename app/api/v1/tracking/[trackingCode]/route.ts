import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { trackDelivery } from "@/lib/deliveries/track-delivery";

// GET /api/v1/tracking/{trackingCode} – public status timeline, no personal data
export const GET = withApi<{ trackingCode: string }>({ public: true }, async ({ params }) => {
  return json(await trackDelivery(params.trackingCode), { headers: { "cache-control": "public, max-age=15" } });
});

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
