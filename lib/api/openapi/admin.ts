// Platform staff: the outbox of events waiting for the background executor.
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { outboxStatsSchema, retryOutboxSchema } from "@/lib/outbox/schemas";
import { addOperation, ok, problem, SESSION_ONLY } from "./shared";

export function registerAdmin(registry: OpenAPIRegistry) {
  const tags: ["Admin"] = ["Admin"];
  const adminsOnly = problem("Not an admin (the 404 of an unknown path).");
  addOperation(registry, {
    operationId: "getOutboxStats",
    tags,
    method: "get",
    path: "/api/v1/admin/outbox",
    summary: "Outbox health (admins)",
    description:
      "Events waiting to be handed to Inngest. When Inngest is unreachable they are kept and retried with backoff.",
    security: SESSION_ONLY,
    responses: { 200: ok("Counts and the oldest pending age.", outboxStatsSchema), 404: adminsOnly },
  });
  addOperation(registry, {
    operationId: "retryOutbox",
    tags,
    method: "post",
    path: "/api/v1/admin/outbox/retry",
    summary: "Retry pending outbox events now (admins)",
    description: "Makes waiting events due at once instead of after their backoff.",
    security: SESSION_ONLY,
    request: { body: { required: true, content: { "application/json": { schema: retryOutboxSchema } } } },
    responses: { 200: ok("How many rows were made due.", z.object({ retried: z.number().int() })), 404: adminsOnly },
  });
}
