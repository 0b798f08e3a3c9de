import { AppError } from "@/lib/core/errors";
import { problemFor } from "@/lib/api/problem";

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", headers.get("cache-control") ?? "no-store");
  return new Response(JSON.stringify(body), { ...init, headers });
}

export function problem(error: AppError, requestId?: string): Response {
  const headers = new Headers({
    "content-type": "application/problem+json; charset=utf-8",
    "cache-control": "no-store",
  });
  if (error.code === "unauthenticated") headers.set("www-authenticate", 'Bearer realm="api"');
  if (error.code === "service_unavailable") headers.set("retry-after", "5");
  return new Response(JSON.stringify(problemFor(error, requestId && `urn:request:${requestId}`)), {
    status: error.status,
    headers,
  });
}
