// What a route handler adds to the access-log line scripts/server.mjs writes for its request: who
// called, as a kind (never an id or a name). The server runs each request inside an
// AsyncLocalStorage it publishes on globalThis (lib/observability/http.mjs); outside that server
// (next dev, tests of use cases) there is none and nothing is noted.
import type { AsyncLocalStorage } from "node:async_hooks";
import type { Actor } from "@/lib/auth/actor";

const REQUEST_CONTEXT = Symbol.for("delivery-platform.request-context");

type RequestRecord = { actor?: string };

/** "api_key", "session:<role>", "operator", or "public" for a route that asks nobody. */
export function actorKind(actor: Actor | null | undefined): string {
  if (!actor) return "public";
  if (actor.kind === "API_KEY") return "api_key";
  if (actor.kind === "USER") return `session:${actor.role.toLowerCase()}`;
  return "operator";
}

/** Records the caller's kind for this request's access-log line. */
export function noteActor(actor: Actor | null | undefined) {
  const context = (globalThis as Record<symbol, AsyncLocalStorage<RequestRecord> | undefined>)[REQUEST_CONTEXT];
  const record = context?.getStore();
  if (record) record.actor = actorKind(actor);
}
