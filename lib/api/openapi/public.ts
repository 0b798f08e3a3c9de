// Public operations: tracking for recipients, the health probes and the metrics for monitors.
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { trackingSchema } from "@/lib/deliveries/schemas";
import { addOperation, eventStream, ok, problem } from "./shared";

const requestIdHeader = z.string().meta({ description: "Echoes X-Request-Id or a new id." });

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
    operationId: "followTracking",
    tags: ["Tracking"],
    method: "get",
    path: "/api/v1/tracking/{trackingCode}/live",
    summary: "Follow one delivery's status live (server-sent events)",
    description:
      '`event: delivery` with `{ "status" }` when this code\'s delivery changes; nothing else, no personal data. ' +
      "`event: ready` once listening (and after any replay). Limited per client like the lookup.",
    rateLimited: true,
    request: {
      params: z.object({ trackingCode: z.string().meta({ example: "DLV-7Q4K9M2X" }) }),
      headers: z.object({
        "Last-Event-ID": z.string().optional().meta({ description: "The last event id received." }),
      }),
    },
    responses: { 200: eventStream("The stream, open until the client leaves."), 404: problem("Unknown code.") },
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
  const check = z.enum(["ok", "failed", "skipped"]);
  const checks = z.object({ draining: check, database: check, migrations: check, background: check }).meta({
    description:
      "Each condition; `skipped` when an earlier one failed or, for `background`, when this process does not run the background work.",
  });
  addOperation(registry, {
    operationId: "getReadiness",
    tags: ["Health"],
    method: "get",
    path: "/api/health/ready",
    summary: "Readiness",
    description:
      "Whether this process should receive traffic: not shutting down, the database answers, every migration of " +
      "this build is applied, and the background executor runs where this process runs it.",
    responses: {
      200: ok("Ready.", z.object({ status: z.literal("ready"), checks })),
      503: problem("Not ready (starting, shutting down, or a check failed; see `checks`)."),
    },
  });
  addOperation(registry, {
    operationId: "getMetrics",
    tags: ["Health"],
    method: "get",
    path: "/api/metrics",
    summary: "Prometheus metrics",
    description:
      "The Prometheus text exposition of every worker of this server, summed: HTTP requests by route template, " +
      "background runs, queue and outbox, emails, webhook attempts, database pool, event loop and memory. " +
      "Answered to loopback callers, or to others with `Authorization: Bearer <METRICS_TOKEN>`.",
    // Not a caller of the API (no key, no session, no rate limit): a scraper on this host or holding the
    // server's token, which the route checks itself.
    responses: {
      200: {
        description: "The exposition (Prometheus text format 0.0.4).",
        headers: z.object({ "X-Request-Id": requestIdHeader }),
        content: { "text/plain": { schema: z.string() } },
      },
      401: problem("Not a loopback caller and no valid METRICS_TOKEN."),
      503: problem("A worker's numbers did not arrive in time."),
    },
  });
}
