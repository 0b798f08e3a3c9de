// The OpenAPI 3.1 document, generated from the very zod schemas the handlers validate with.
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  createDeliverySchema,
  deliveryPageSchema,
  deliverySchema,
  idempotencyKeySchema,
  exportDeliveriesQuerySchema,
  listDeliveriesQuerySchema,
  statusHistorySchema,
  trackingSchema,
  transitionDeliverySchema,
} from "@/lib/deliveries/schemas";
import { registerBackgroundWork, WEBHOOK_DESCRIPTION } from "@/lib/api/openapi-background";
import { registerDispatch } from "@/lib/api/openapi-dispatch";
import { importSummarySchema, importUploadQuerySchema } from "@/lib/imports/schemas";

const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    allowedTransitions: z.array(z.string()).optional(),
    currentStatus: z.string().optional(),
    currentVersion: z.number().int().optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

const requestIdHeader = z
  .string()
  .meta({ description: "Echoes X-Request-Id or a new id; quote it when reporting a problem." });

function problem(description: string): ResponseConfig {
  return {
    description,
    headers: z.object({ "X-Request-Id": requestIdHeader }),
    content: { "application/problem+json": { schema: problemSchema } },
  };
}

function ok(description: string, schema: z.ZodType, headers: Record<string, z.ZodType> = {}): ResponseConfig {
  return {
    description,
    headers: z.object({ "X-Request-Id": requestIdHeader, ...headers }),
    content: { "application/json": { schema } },
  };
}

const authErrors = { 401: problem("Missing, invalid or revoked credentials.") };
const idParam = z.object({ id: z.uuid() });
const etagHeader = z.string().meta({ description: 'The delivery version, e.g. "3"; send it back as If-Match.' });

function buildDocument() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An API key (`dap_live_…`) created in the settings or with `npm run admin -- create-api-key`.",
  });
  registry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "authjs.session-token",
  });
  const security = [{ [bearer.name]: [] }, { session: [] }];

  registry.registerPath({
    method: "post",
    path: "/api/v1/deliveries",
    summary: "Create a delivery (idempotent)",
    description:
      "Without `Idempotency-Key`, an identical payload (after normalisation) from the same partner returns the existing delivery. " +
      "With it, the key decides: same key and body → the existing delivery; same key, other body → 422.",
    security,
    request: {
      headers: z.object({ "Idempotency-Key": idempotencyKeySchema.optional() }),
      body: { required: true, content: { "application/json": { schema: createDeliverySchema } } },
    },
    responses: {
      201: ok("Created.", deliverySchema, { Location: z.string(), ETag: etagHeader }),
      200: ok("Replay of an earlier identical request: the delivery as it is now.", deliverySchema, {
        "Idempotent-Replayed": z.literal("true"),
        ETag: etagHeader,
      }),
      400: problem("Malformed JSON or invalid fields (see `errors`)."),
      ...authErrors,
      403: problem("The caller may not create deliveries (admins)."),
      413: problem("Body too large."),
      415: problem("Body is not JSON."),
      422: problem("Idempotency-Key reused with a different body."),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/deliveries",
    summary: "List deliveries, newest first",
    security,
    request: { query: listDeliveriesQuerySchema },
    responses: {
      200: ok("A page; pass `nextCursor` as `cursor` for the next one.", deliveryPageSchema),
      400: problem("Invalid query."),
      ...authErrors,
    },
  });
  const csvFile = (description: string) => ({ description, content: { "text/csv": { schema: z.string() } } });
  const importId = z.object({ id: z.uuid() });
  registry.registerPath({
    method: "post",
    path: "/api/v1/imports",
    summary: "Upload a CSV file of deliveries (validated, nothing created yet)",
    description:
      "Up to 10,000 rows and 5 MB, UTF-8 (BOM optional), comma or semicolon separated; columns as in the template. " +
      "Every row is checked with the create schema; confirm the import to create the valid rows. Optional header " +
      "`X-File-Name` (percent-encoded when not ASCII). Staff (admins, signed in) import on behalf of a partner by naming it in `partnerId`.",
    security,
    request: {
      query: importUploadQuerySchema,
      body: { required: true, content: { "text/csv": { schema: z.string() } } },
    },
    responses: {
      201: ok("Read and validated.", importSummarySchema),
      400: problem("Not a CSV file we can read, unknown/missing columns, or a missing/unknown `partnerId` (staff)."),
      413: problem("Larger than 5 MB or more than 10,000 rows."),
      415: problem("Not text/csv."),
      ...authErrors,
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/imports",
    summary: "Your recent imports (staff: every partner's)",
    security,
    responses: { 200: ok("Newest first.", z.object({ data: z.array(importSummarySchema) })), ...authErrors },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/imports/template.csv",
    summary: "The import template",
    security,
    responses: { 200: csvFile("The columns (the create schema's fields) and one example row."), ...authErrors },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/imports/{id}",
    summary: "One import: status, counts, errors, progress",
    security,
    request: { params: importId },
    responses: {
      200: ok("The import.", importSummarySchema),
      404: problem("Not yours, or no such import."),
      ...authErrors,
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/imports/{id}/confirm",
    summary: "Create the valid rows (in the background)",
    description:
      "Each row is created through the same path as POST /deliveries, with its own idempotency key: the row's " +
      "externalReference, or its content. Uploading the same file again creates nothing new.",
    security,
    request: { params: importId },
    responses: {
      202: ok("Queued; poll GET /imports/{id} for progress.", importSummarySchema),
      404: problem("Not yours, or no such import."),
      409: problem("Already confirmed, or no valid row."),
      ...authErrors,
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/imports/{id}/errors.csv",
    summary: "Every refused row of an import",
    security,
    request: { params: importId },
    responses: { 200: csvFile("row, column, message."), 404: problem("Not yours, or no such import."), ...authErrors },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/deliveries.csv",
    summary: "Export deliveries as CSV",
    description:
      "The list's view (same filters and scope, one of the table's sorts) as CSV, streamed: the columns of the import " +
      "template, then trackingCode, status, partner, createdAt, updatedAt. Cells starting with = + - @ are prefixed " +
      "with ' so spreadsheets do not run them as formulas.",
    security,
    request: { query: exportDeliveriesQuerySchema },
    responses: {
      200: { description: "The CSV file.", content: { "text/csv": { schema: z.string() } } },
      400: problem("Invalid query."),
      ...authErrors,
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/deliveries/{id}",
    summary: "Get a delivery",
    security,
    request: { params: idParam },
    responses: {
      200: ok("The delivery.", deliverySchema, { ETag: etagHeader }),
      ...authErrors,
      404: problem("Unknown or not yours."),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/deliveries/{id}/status",
    summary: "Change the status",
    description:
      "Allowed: CREATED→IN_TRANSIT, CREATED→FAILED, CREATED→CANCELLED, ASSIGNED→IN_TRANSIT, ASSIGNED→FAILED, ASSIGNED→CANCELLED, " +
      "ASSIGNED→CREATED (unassign), IN_TRANSIT→COMPLETED, IN_TRANSIT→FAILED (reason required for FAILED). " +
      "Partners and API keys may only cancel a CREATED or ASSIGNED delivery; couriers start, complete and fail their own. " +
      "Assigning a courier is `PUT /api/v1/deliveries/{id}/assignment`. Completing for a partner that asks for proof needs the " +
      "recipient's `code`, or the photo / signature uploaded first.",
    security,
    request: {
      params: idParam,
      headers: z.object({
        "If-Match": z.string().optional().meta({ description: "ETag from a GET; 412 when stale." }),
      }),
      body: { required: true, content: { "application/json": { schema: transitionDeliverySchema } } },
    },
    responses: {
      200: ok("The delivery after the change.", deliverySchema, { ETag: etagHeader }),
      400: problem("Invalid body, or a reason missing."),
      ...authErrors,
      403: problem("A valid transition the caller may not make."),
      404: problem("Unknown or not yours."),
      409: problem("Not allowed from the current status; `allowedTransitions` lists what is."),
      412: problem("If-Match does not match the current version."),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/deliveries/{id}/events",
    summary: "Status history, oldest first",
    security,
    request: { params: idParam },
    responses: { 200: ok("History.", statusHistorySchema), ...authErrors, 404: problem("Unknown or not yours.") },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/tracking/{trackingCode}",
    summary: "Public tracking",
    request: { params: z.object({ trackingCode: z.string().meta({ example: "DLV-7Q4K9M2X" }) }) },
    responses: { 200: ok("Status and timeline without personal data.", trackingSchema), 404: problem("Unknown code.") },
  });
  registry.registerPath({
    method: "get",
    path: "/api/health",
    summary: "Health",
    responses: {
      200: ok("Up.", z.object({ status: z.literal("ok"), db: z.literal("ok") })),
      503: problem("The database is unreachable."),
    },
  });

  registerBackgroundWork(registry, { ok, problem });
  registerDispatch(registry, { ok, problem, security, etagHeader });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Delivery platform API",
      version: "1.0.0",
      description:
        "Create and follow deliveries. Errors are RFC 9457 `application/problem+json`; every response carries `X-Request-Id`.\n\n" +
        "## Webhooks\n\n" +
        WEBHOOK_DESCRIPTION,
    },
    servers: [{ url: "/" }],
  });
}

let cached: ReturnType<typeof buildDocument> | undefined;
export function openApiDocument() {
  return (cached ??= buildDocument());
}
