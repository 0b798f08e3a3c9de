import { otherMethods } from "@/lib/api/methods";
import { withApi } from "@/lib/api/handler";
import { openStream } from "@/lib/live/stream";

// GET /api/v1/live – server-sent events: the caller's delivery changes (and a person's notifications)
export const GET = withApi({ permission: "deliveries.read" }, async ({ request, actor }) =>
  openStream({ kind: "actor", actor }, request),
);

// Any other method – 405 with Allow
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
