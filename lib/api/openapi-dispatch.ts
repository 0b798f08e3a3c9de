// OpenAPI paths of dispatch (issue 14): assignment, couriers, proof of delivery. Same schemas as
// the handlers; registered by lib/api/openapi.ts.
import type { OpenAPIRegistry, ResponseConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { assignDeliverySchema, deliverySchema } from "@/lib/deliveries/schemas";

interface Helpers {
  ok(description: string, schema: z.ZodType, headers?: Record<string, z.ZodType>): ResponseConfig;
  problem(description: string): ResponseConfig;
  security: Record<string, string[]>[];
  etagHeader: z.ZodType;
}

const idParam = z.object({ id: z.uuid() });

export const courierLoadSchema = z
  .object({
    id: z.uuid(),
    name: z.string().nullable(),
    active: z.boolean(),
    assigned: z.number().int().meta({ description: "Deliveries ASSIGNED to them now." }),
    inTransit: z.number().int().meta({ description: "Deliveries IN_TRANSIT with them now." }),
    completedToday: z.number().int().meta({ description: "Deliveries they completed today (UTC)." }),
  })
  .meta({ id: "CourierLoad" });

export function registerDispatch(registry: OpenAPIRegistry, { ok, problem, security, etagHeader }: Helpers) {
  const adminsOnly = {
    401: problem("Missing, invalid or revoked credentials."),
    404: problem("Unknown delivery, or the caller is not dispatch (the 404 of an unknown path)."),
  };
  registry.registerPath({
    method: "put",
    path: "/api/v1/deliveries/{id}/assignment",
    summary: "Assign, reassign or unassign a courier (admins)",
    description:
      "`assigneeId` a courier's id: CREATED → ASSIGNED, or to another courier while ASSIGNED. `null`: ASSIGNED → CREATED. " +
      "Assigning to the courier who already has it changes nothing. Emits the `delivery.assigned` webhook (unassigning: `delivery.status_changed`).",
    security,
    request: {
      params: idParam,
      headers: z.object({
        "If-Match": z.string().optional().meta({ description: "ETag from a GET; 412 when stale." }),
      }),
      body: { required: true, content: { "application/json": { schema: assignDeliverySchema } } },
    },
    responses: {
      200: ok("The delivery after the change.", deliverySchema, { ETag: etagHeader }),
      400: problem("Invalid body, or not an active courier."),
      ...adminsOnly,
      409: problem("Not assignable in its current status (IN_TRANSIT or final)."),
      412: problem("If-Match does not match the current version."),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/couriers",
    summary: "Couriers and their load today (admins)",
    security,
    responses: {
      200: ok("Couriers, active first.", z.object({ data: z.array(courierLoadSchema) })),
      ...adminsOnly,
    },
  });
}
