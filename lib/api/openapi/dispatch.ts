// Dispatch: assignment, couriers and proof of delivery. Same schemas as the handlers.
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { assignDeliverySchema, deliverySchema } from "@/lib/deliveries/schemas";
import { BULK_LIMIT, bulkAssignSchema, bulkCancelSchema, bulkResponseSchema } from "@/lib/deliveries/bulk-schemas";
import { addOperation, etagHeader, idParam, ifMatchHeader, ok, problem, SIGNED_IN } from "./shared";

const courierLoadSchema = z
  .object({
    id: z.uuid(),
    name: z.string().nullable(),
    active: z.boolean(),
    assigned: z.number().int().meta({ description: "Deliveries ASSIGNED to them now." }),
    inTransit: z.number().int().meta({ description: "Deliveries IN_TRANSIT with them now." }),
    completedToday: z.number().int().meta({ description: "Deliveries they completed today (UTC)." }),
  })
  .meta({ id: "CourierLoad" });

const proofSchema = z
  .object({
    kind: z.enum(["CODE", "PHOTO", "SIGNATURE"]),
    contentType: z.string().nullable(),
    byteSize: z.number().int().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    createdAt: z.iso.datetime(),
    url: z
      .string()
      .nullable()
      .meta({ description: "Where an authorised caller fetches the image (same credentials); null for a code." }),
  })
  .meta({ id: "ProofOfDelivery" });

export function registerDispatch(registry: OpenAPIRegistry) {
  const tags: ["Dispatch"] = ["Dispatch"];
  const notDispatch = problem("Unknown delivery, or the caller is not dispatch (the 404 of an unknown path).");
  const notYours = problem("Unknown or not yours (another partner's, or not assigned to this courier).");
  const kindParam = z.object({ id: z.uuid(), kind: z.enum(["photo", "signature"]) });
  addOperation(registry, {
    operationId: "assignDelivery",
    tags,
    method: "put",
    path: "/api/v1/deliveries/{id}/assignment",
    summary: "Assign, reassign or unassign a courier (admins)",
    description:
      "`assigneeId` a courier's id: CREATED → ASSIGNED, or to another courier while ASSIGNED. `null`: ASSIGNED → CREATED. " +
      "Assigning to the courier who already has it changes nothing. Emits the `delivery.assigned` webhook (unassigning: `delivery.status_changed`).",
    security: SIGNED_IN,
    request: {
      params: idParam,
      headers: ifMatchHeader,
      body: { required: true, content: { "application/json": { schema: assignDeliverySchema } } },
    },
    responses: {
      200: ok("The delivery after the change.", deliverySchema, { ETag: etagHeader }),
      400: problem("Invalid body, or not an active courier."),
      404: notDispatch,
      409: problem("Not assignable in its current status (IN_TRANSIT or final)."),
      412: problem("If-Match does not match the current version."),
    },
  });
  const bulkNote =
    `At most ${BULK_LIMIT} items. Each row is changed in its own transaction, as the single-delivery operation would, ` +
    "so a row is changed completely or not at all and never waits for the others. A row that changed meanwhile " +
    "(its `version` is not the one sent), or whose status no longer allows the change, is skipped and named in " +
    "`data` with a `problem`; the others are still applied. The answer is 200 whatever each row's outcome.";
  addOperation(registry, {
    operationId: "bulkAssignDeliveries",
    tags,
    method: "post",
    path: "/api/v1/deliveries/bulk-assignments",
    summary: "Assign or unassign many deliveries (admins)",
    description: `\`assigneeId\` a courier's id assigns or reassigns every row; \`null\` unassigns them. ${bulkNote}`,
    security: SIGNED_IN,
    request: { body: { required: true, content: { "application/json": { schema: bulkAssignSchema } } } },
    responses: {
      200: ok("Each row's outcome, in the order sent.", bulkResponseSchema),
      400: problem("Invalid body (an id listed twice, too many items), or not an active courier."),
      404: notDispatch,
    },
  });
  addOperation(registry, {
    operationId: "bulkCancelDeliveries",
    tags,
    method: "post",
    path: "/api/v1/deliveries/bulk-cancellations",
    summary: "Cancel many deliveries with one reason (admins)",
    description: `Every CREATED or ASSIGNED row becomes CANCELLED, the reason in its history. ${bulkNote}`,
    security: SIGNED_IN,
    request: { body: { required: true, content: { "application/json": { schema: bulkCancelSchema } } } },
    responses: {
      200: ok("Each row's outcome, in the order sent.", bulkResponseSchema),
      400: problem("Invalid body: no reason, an id listed twice, too many items."),
      404: notDispatch,
    },
  });
  addOperation(registry, {
    operationId: "listDeliveryProof",
    tags,
    method: "get",
    path: "/api/v1/deliveries/{id}/proof",
    summary: "Proof of delivery on file",
    description: "The code check, photo and signature recorded for the delivery, if any.",
    security: SIGNED_IN,
    request: { params: idParam },
    responses: { 200: ok("What is on file.", z.object({ data: z.array(proofSchema) })), 404: notYours },
  });
  addOperation(registry, {
    operationId: "uploadDeliveryProof",
    tags,
    method: "put",
    path: "/api/v1/deliveries/{id}/proof/{kind}",
    summary: "Add a photo or signature (courier or admin, while IN_TRANSIT)",
    description:
      "The raw image as the body (JPEG, PNG, WebP or HEIC, at most 8 MB). It is judged by its content, re-encoded " +
      "(metadata such as EXIF GPS dropped) and downscaled to 1600 px. A second upload replaces the first.",
    security: SIGNED_IN,
    request: {
      params: kindParam,
      body: { required: true, content: { "image/*": { schema: z.string().meta({ format: "binary" }) } } },
    },
    responses: {
      201: ok("Stored.", proofSchema),
      403: problem("The caller may see the delivery but not complete it (a partner)."),
      404: notYours,
      409: problem("The delivery is not IN_TRANSIT."),
      413: problem("Larger than 8 MB."),
      415: problem("Not an image we can decode (JPEG, PNG, WebP or HEIC)."),
    },
  });
  addOperation(registry, {
    operationId: "getDeliveryProofImage",
    tags,
    method: "get",
    path: "/api/v1/deliveries/{id}/proof/{kind}",
    summary: "A proof image",
    description: "Served only to callers who may see the delivery.",
    security: SIGNED_IN,
    request: { params: kindParam },
    responses: {
      200: { description: "The image.", content: { "image/jpeg": {}, "image/png": {} } },
      404: notYours,
    },
  });
  addOperation(registry, {
    operationId: "listCouriers",
    tags,
    method: "get",
    path: "/api/v1/couriers",
    summary: "Couriers and their load today (admins)",
    description: "Each courier with what is assigned to them, in transit, and completed today.",
    security: SIGNED_IN,
    responses: {
      200: ok("Couriers, active first.", z.object({ data: z.array(courierLoadSchema) })),
      404: notDispatch,
    },
  });
}
