// Deliveries: create (idempotent), list, read, change status, history.
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  createDeliveryRequestSchema,
  deliveryPageSchema,
  deliverySchema,
  idempotencyKeySchema,
  listDeliveriesQuerySchema,
  reattemptDeliverySchema,
  rescheduleDeliverySchema,
  setEtaSchema,
  statusHistorySchema,
  transitionDeliverySchema,
} from "@/lib/deliveries/schemas";
import { IDEMPOTENCY_KEY_RETENTION_HOURS, KEYLESS_DEDUP_WINDOW_MINUTES } from "@/lib/deliveries/idempotency";
import { addOperation, etagHeader, eventStream, idParam, ifMatchHeader, ok, problem, SIGNED_IN } from "./shared";

export function registerDeliveries(registry: OpenAPIRegistry) {
  const tags: ["Deliveries"] = ["Deliveries"];
  const notYours = problem("Unknown or not yours.");
  addOperation(registry, {
    operationId: "createDelivery",
    tags,
    method: "post",
    path: "/api/v1/deliveries",
    summary: "Create a delivery (idempotent)",
    description:
      `Without \`Idempotency-Key\`, an identical payload (after normalisation) from the same partner within ` +
      `${KEYLESS_DEDUP_WINDOW_MINUTES} minutes of the first returns the existing delivery; later, it creates a new one. ` +
      `With it, the key decides for ${IDEMPOTENCY_KEY_RETENTION_HOURS} hours: same key and body → the existing ` +
      "delivery; same key, other body → 422; after that the key is free again. Concurrent requests with one key " +
      "never make two deliveries: those arriving while the first is being written wait for it and get its replay. " +
      "Admins (and admin API keys) name the `partnerId` the delivery is for; partners may not.",
    security: SIGNED_IN,
    request: {
      headers: z.object({ "Idempotency-Key": idempotencyKeySchema.optional() }),
      body: { required: true, content: { "application/json": { schema: createDeliveryRequestSchema } } },
    },
    responses: {
      201: ok("Created.", deliverySchema, { Location: z.string(), ETag: etagHeader }),
      200: ok("Replay of an earlier identical request: the delivery as it is now.", deliverySchema, {
        "Idempotent-Replayed": z.literal("true"),
        ETag: etagHeader,
      }),
      403: problem("The caller may read deliveries but not create them (admins, couriers)."),
      400: problem(
        "Malformed JSON, invalid fields, or an invalid `Idempotency-Key` (also two of them, which arrive joined by a comma); `errors` names each.",
      ),
      422: problem("Idempotency-Key reused with a different body within its retention."),
    },
  });
  addOperation(registry, {
    operationId: "listDeliveries",
    tags,
    method: "get",
    path: "/api/v1/deliveries",
    summary: "List deliveries, newest first",
    description: "Scoped to the caller: a partner's own, a courier's assigned, every delivery for admins.",
    security: SIGNED_IN,
    request: { query: listDeliveriesQuerySchema },
    responses: {
      200: ok("A page; pass `nextCursor` as `cursor` for the next one.", deliveryPageSchema),
      400: problem("Invalid query."),
    },
  });
  addOperation(registry, {
    operationId: "getDelivery",
    tags,
    method: "get",
    path: "/api/v1/deliveries/{id}",
    summary: "Get a delivery",
    description: "Its `ETag` is its version: send it back as `If-Match` when changing it.",
    security: SIGNED_IN,
    request: { params: idParam },
    responses: { 200: ok("The delivery.", deliverySchema, { ETag: etagHeader }), 404: notYours },
  });
  addOperation(registry, {
    operationId: "changeDeliveryStatus",
    tags,
    method: "post",
    path: "/api/v1/deliveries/{id}/status",
    summary: "Change the status",
    description:
      "Allowed: CREATED→FAILED, CREATED→CANCELLED, ASSIGNED→IN_TRANSIT, ASSIGNED→FAILED, ASSIGNED→CANCELLED, " +
      "ASSIGNED→CREATED (unassign), IN_TRANSIT→COMPLETED, IN_TRANSIT→FAILED (reason required for FAILED). " +
      "IN_TRANSIT only from ASSIGNED: a delivery needs its courier before it starts. " +
      "Partners and API keys may only cancel a CREATED or ASSIGNED delivery; couriers start, complete and fail their own. " +
      "Assigning a courier is `PUT /api/v1/deliveries/{id}/assignment`. Completing for a partner that asks for proof needs the " +
      "recipient's `code`, or the photo / signature uploaded first.",
    security: SIGNED_IN,
    request: {
      params: idParam,
      headers: ifMatchHeader,
      body: { required: true, content: { "application/json": { schema: transitionDeliverySchema } } },
    },
    responses: {
      200: ok("The delivery after the change.", deliverySchema, { ETag: etagHeader }),
      400: problem("Invalid body, or a reason missing."),
      403: problem("A valid transition the caller may not make."),
      404: notYours,
      409: problem("Not allowed from the current status; `allowedTransitions` lists what is."),
      412: problem("If-Match does not match the current version."),
    },
  });
  addOperation(registry, {
    operationId: "rescheduleDelivery",
    tags,
    method: "post",
    path: "/api/v1/deliveries/{id}/reschedule",
    summary: "Move the pickup and/or drop-off window, with a reason",
    description:
      "Partners and their keys while CREATED or ASSIGNED; admins also while IN_TRANSIT. A window left out stays. " +
      "New windows follow the create rules (order, width, not ended, drop-off not ending before pickup starts); " +
      "a new drop-off window moves `deliveryDate` to its day in the partner's time zone. Recorded in the history " +
      "(kind RESCHEDULE, old and new windows) and sent as the `delivery.rescheduled` webhook.",
    security: SIGNED_IN,
    request: {
      params: idParam,
      headers: ifMatchHeader,
      body: { required: true, content: { "application/json": { schema: rescheduleDeliverySchema } } },
    },
    responses: {
      200: ok("The delivery with its new windows.", deliverySchema, { ETag: etagHeader }),
      400: problem("Invalid body or windows; `errors` names the fields."),
      404: problem("Unknown or not yours; also for callers who may not reschedule (couriers)."),
      409: problem("Not in a status that can be rescheduled by this caller."),
      412: problem("If-Match does not match the current version."),
    },
  });
  addOperation(registry, {
    operationId: "reattemptDelivery",
    tags,
    method: "post",
    path: "/api/v1/deliveries/{id}/reattempt",
    summary: "Try a FAILED delivery again as its next attempt",
    description:
      "Back to CREATED (unassigned), or to ASSIGNED with the same courier (`keepCourier`), with a new drop-off window; " +
      "the tracking code and the history stay, `attempt` counts up (at most DELIVERY_MAX_ATTEMPTS in all, 3 by default). " +
      "Sent as `delivery.status_changed` (from FAILED).",
    security: SIGNED_IN,
    request: {
      params: idParam,
      headers: ifMatchHeader,
      body: { required: true, content: { "application/json": { schema: reattemptDeliverySchema } } },
    },
    responses: {
      200: ok("The delivery, as its next attempt.", deliverySchema, { ETag: etagHeader }),
      400: problem("Invalid body or window; `errors` names the fields."),
      404: problem("Unknown or not yours; also for callers who may not re-attempt (couriers)."),
      409: problem("Not FAILED, or its attempts are used up."),
      412: problem("If-Match does not match the current version."),
    },
  });
  addOperation(registry, {
    operationId: "setDeliveryEta",
    tags,
    method: "put",
    path: "/api/v1/deliveries/{id}/eta",
    summary: "Set or move the estimated arrival (the courier, or admins)",
    description:
      "Only while IN_TRANSIT. `eta` an instant, or `inMinutes` from now; up to 24 hours ahead. Sent as the " +
      "`delivery.eta_updated` webhook every time; the recipient is emailed the first ETA and any move of more than 15 minutes.",
    security: SIGNED_IN,
    request: {
      params: idParam,
      headers: ifMatchHeader,
      body: { required: true, content: { "application/json": { schema: setEtaSchema } } },
    },
    responses: {
      200: ok("The delivery with its ETA.", deliverySchema, { ETag: etagHeader }),
      400: problem("Invalid body, or an ETA in the past or too far ahead."),
      404: problem("Unknown, not assigned to this courier, or a caller who may not set ETAs (partners)."),
      409: problem("Not on its way (IN_TRANSIT)."),
      412: problem("If-Match does not match the current version."),
    },
  });
  addOperation(registry, {
    operationId: "followDeliveries",
    tags,
    method: "get",
    path: "/api/v1/live",
    summary: "Follow changes live (server-sent events)",
    description:
      "The caller's delivery changes as they commit, scoped as the list is (a partner its own, a courier those " +
      "assigned to them, admins all): `event: delivery` with `{ name, deliveryId, trackingCode, status }` (re-read the " +
      "delivery for the rest). People also get `event: notification` when they have a new notification. A CSV import's " +
      "rows are not sent one by one (its completion is a notification). `event: ready` once listening.",
    security: SIGNED_IN,
    request: {
      headers: z.object({
        "Last-Event-ID": z.string().optional().meta({ description: "The last event id received." }),
      }),
    },
    responses: { 200: eventStream("The stream, open until the client leaves.") },
  });
  addOperation(registry, {
    operationId: "listDeliveryEvents",
    tags,
    method: "get",
    path: "/api/v1/deliveries/{id}/events",
    summary: "Status history, oldest first",
    description: "Who moved the delivery, when, why, and the courier who had it after each change.",
    security: SIGNED_IN,
    request: { params: idParam },
    responses: { 200: ok("History.", statusHistorySchema), 404: notYours },
  });
}
