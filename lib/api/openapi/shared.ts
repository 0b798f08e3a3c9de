// Pieces every part of the OpenAPI document uses, and `addOperation`, which registers one
// operation with the answers every handler of its kind can give (so none is left undeclared).
import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

type Security = NonNullable<RouteConfig["security"]>;

export const TAGS = [
  { name: "Deliveries", description: "Create, list, read and move deliveries." },
  { name: "Dispatch", description: "Couriers, assignment and proof of delivery." },
  { name: "Imports and exports", description: "CSV files in and out." },
  { name: "Tracking", description: "Public, for recipients: no personal data." },
  { name: "Notifications", description: "In-app notifications of signed-in people." },
  { name: "Webhooks", description: "Your webhook endpoints, their subscriptions, secrets and message log." },
  { name: "Admin", description: "Platform staff only." },
  { name: "Health", description: "For load balancers and monitors." },
] as const;
export type Tag = (typeof TAGS)[number]["name"];

/** An API key or a browser session. */
export const SIGNED_IN: Security = [{ apiKey: [] }, { session: [] }];
/** People only: these operations answer an API key like an unknown path. */
export const SESSION_ONLY: Security = [{ session: [] }];

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

export function problem(description: string, headers: Record<string, z.ZodType> = {}): ResponseConfig {
  return {
    description,
    headers: z.object({ "X-Request-Id": requestIdHeader, ...headers }),
    content: { "application/problem+json": { schema: problemSchema } },
  };
}

export function ok(description: string, schema: z.ZodType, headers: Record<string, z.ZodType> = {}): ResponseConfig {
  return {
    description,
    headers: z.object({ "X-Request-Id": requestIdHeader, ...headers }),
    content: { "application/json": { schema } },
  };
}

export function csvFile(description: string): ResponseConfig {
  return {
    description,
    headers: z.object({ "X-Request-Id": requestIdHeader }),
    content: { "text/csv": { schema: z.string() } },
  };
}

/** A server-sent event stream (`text/event-stream`): frames described in `description`. */
export function eventStream(description: string): ResponseConfig {
  return {
    description,
    headers: z.object({ "X-Request-Id": requestIdHeader }),
    content: {
      "text/event-stream": {
        schema: z.string().meta({
          description:
            "Frames `id:` (an opaque event id), `event:` and `data:` (JSON); comments (`: ping`) keep it open. " +
            "Reconnect with `Last-Event-ID` to be sent what was missed, or `event: reset` when that is too much (refresh everything).",
        }),
      },
    },
  };
}

export const idParam = z.object({ id: z.uuid() });
export const etagHeader = z.string().meta({ description: 'The delivery version, e.g. "3"; send it back as If-Match.' });
export const ifMatchHeader = z.object({
  "If-Match": z.string().optional().meta({ description: "ETag from a GET; 412 when stale." }),
});

export interface Operation extends Omit<RouteConfig, "security" | "tags"> {
  operationId: string;
  tags: [Tag];
  /** Absent: public (`security: []`). */
  security?: RouteConfig["security"];
  /** Counted against a rate limit; true for every signed-in operation. */
  rateLimited?: boolean;
}

const rateLimited = problem("Too many requests; wait for the time in Retry-After.", {
  "Retry-After": z.string().meta({ description: "Seconds until the limit resets." }),
});

/**
 * Registers `op` with the answers its kind always may give: 401 and 429 for signed-in callers
 * (every such call counts against a rate limit), 400, 413 and 415 for a JSON body (the body
 * reader's refusals). An operation's own description of a status wins.
 */
export function addOperation(registry: OpenAPIRegistry, { rateLimited: limited, ...op }: Operation) {
  const signedIn = Boolean(op.security?.length);
  const jsonBody = Boolean(op.request?.body?.content["application/json"]);
  registry.registerPath({
    ...op,
    security: op.security ?? [],
    responses: {
      ...(signedIn ? { 401: problem("Missing, invalid or revoked credentials.") } : {}),
      ...((limited ?? signedIn) ? { 429: rateLimited } : {}),
      ...(jsonBody
        ? {
            400: problem("Malformed JSON or invalid fields (see `errors`)."),
            413: problem("Body too large."),
            415: problem("Body is not JSON."),
          }
        : {}),
      ...op.responses,
    },
  });
}
