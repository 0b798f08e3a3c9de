// Public operations: tracking for recipients and the health probe.
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { trackingSchema } from "@/lib/deliveries/schemas";
import { addOperation, ok, problem } from "./shared";

export function registerPublic(registry: OpenAPIRegistry) {
  addOperation(registry, {
    operationId: "trackDelivery",
    tags: ["Tracking"],
    method: "get",
    path: "/api/v1/tracking/{trackingCode}",
    summary: "Public tracking",
    description: "Status, timeline and whom to ask, without personal data; limited per client.",
    rateLimited: true,
    request: { params: z.object({ trackingCode: z.string().meta({ example: "DLV-7Q4K9M2X" }) }) },
    responses: { 200: ok("Status and timeline without personal data.", trackingSchema), 404: problem("Unknown code.") },
  });
  addOperation(registry, {
    operationId: "getHealth",
    tags: ["Health"],
    method: "get",
    path: "/api/health",
    summary: "Health",
    description: "Up when the process answers and the database does.",
    responses: {
      200: ok("Up.", z.object({ status: z.literal("ok"), db: z.literal("ok") })),
      503: problem("The database is unreachable."),
    },
  });
}
