// The one route wrapper: request id, caller resolution, a named permission, and every error
// mapped to problem+json.
import { randomUUID } from "node:crypto";
import { AppError, toAppError } from "@/lib/core/errors";
import { CONTROL_MESSAGE, findControlChars } from "@/lib/core/text";
import { displayPath } from "@/lib/core/validation";
import { problem } from "@/lib/api/responses";
import type { Actor } from "@/lib/auth/actor";
import { resolveActor } from "@/lib/auth";
import { can, type Permission } from "@/lib/auth/permissions";
import { apiBuckets } from "@/lib/auth/rate-limits";
import { bearerSecret, resolveApiKey } from "@/lib/auth/api-key-request";
import { hit, rateLimitHeaders, type LimitState } from "@/lib/rate-limit";
import { env } from "@/lib/env";
import { loggerFor } from "@/lib/core/logger";
import { actorKind, noteActor } from "@/lib/observability/request-context";
import { inUseCaseSpan } from "@/lib/observability/trace";

const log = loggerFor("api");

type Params = Record<string, string | string[] | undefined>;

interface BaseContext<P> {
  request: Request;
  params: P;
  requestId: string;
}

type AuthedContext<P> = BaseContext<P> & { actor: Actor };
type RouteHandler = (request: Request, route?: { params?: Promise<Params> }) => Promise<Response>;

const REQUEST_ID = /^[\w.:-]{1,128}$/;
const API_KEY_ROLE = { role: "API_KEY" } as const;

const unauthenticated = () =>
  new AppError("unauthenticated", "Sign in or send a valid API key as `Authorization: Bearer <key>`.");

/** What any path this API does not serve answers; a route out of the caller's reach answers the same. */
export const noSuchEndpoint = () => new AppError("not_found", "There is no such API endpoint. See /api/v1/docs.");

interface Guarded {
  permission: Permission;
  /**
   * Callers with this permission can see what the route acts on, so lacking `permission` is a
   * 403 to them (an admin may read deliveries but not create one). Everyone else gets the 404 of
   * an unknown path: a resource the caller may not see answers 404, never 403, so that a guess
   * at an id tells nothing.
   */
  visibleWith?: Permission;
}

/** A caller without the route's permission: 403 if it may see what the route acts on, else 404. */
function refuseWithout(actor: Actor, options: Guarded) {
  if (can(actor, options.permission)) return;
  if (options.visibleWith && can(actor, options.visibleWith)) {
    throw new AppError("forbidden", "You may not perform this action.");
  }
  throw noSuchEndpoint();
}

/** The path's parameters; a segment whose percent-encoding is broken names nothing we serve. */
async function routeParams<P>(route?: { params?: Promise<Params> }): Promise<P> {
  try {
    return ((await route?.params) ?? {}) as P;
  } catch (error) {
    if (error instanceof URIError) throw noSuchEndpoint();
    throw error;
  }
}

/**
 * Path segments and query values reach queries as text: a NUL or other control character in one
 * is a 400 naming it, decided here for every route (bodies are checked where they are parsed).
 */
function refuseControlChars(request: Request, params: Params) {
  const search = new URL(request.url).searchParams;
  // Built from entries, so a key named like an Object member ("toString") is data, not a lookup.
  const query = Object.fromEntries([...new Set(search.keys())].map((key) => [key, search.getAll(key)]));
  const inPath = findControlChars(params);
  const inQuery = inPath ? null : findControlChars(query);
  const found = inPath ?? inQuery;
  if (!found) return;
  // A repeated query key is one field to the caller: name it without the index.
  const path = inQuery ? found.slice(0, 1) : found;
  throw new AppError("validation_failed", `The request ${inPath ? "path" : "query"} is not valid.`, {
    errors: [{ path: displayPath(path), message: CONTROL_MESSAGE }],
  });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A browser sends the session cookie with a write another site's page makes (a form or a
 * `text/plain` fetch needs no preflight), so a cookie-authenticated write must come from our own
 * pages: Sec-Fetch-Site says so where browsers send it, Origin otherwise. API-key calls carry no
 * ambient credential and are not affected; neither are clients that send neither header.
 */
function refuseCrossSiteWrite(request: Request) {
  if (SAFE_METHODS.has(request.method) || request.headers.has("authorization")) return;
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const crossSite =
    site !== null ? site !== "same-origin" && site !== "none" : origin !== null && !ownOrigins(request).has(origin);
  if (crossSite) throw new AppError("forbidden", "Cross-site requests may not change anything here.");
}

function ownOrigins(request: Request): Set<string> {
  const origins = new Set([new URL(request.url).origin]);
  try {
    origins.add(new URL(env().APP_URL).origin);
  } catch {
    // APP_URL is validated by env(); nothing to add if it is not usable
  }
  return origins;
}

export function withApi<P extends Params = Params>(
  options: { public: true },
  handler: (ctx: BaseContext<P>) => Promise<Response>,
): RouteHandler;
export function withApi<P extends Params = Params>(
  options: Guarded,
  handler: (ctx: AuthedContext<P>) => Promise<Response>,
): RouteHandler;
export function withApi<P extends Params>(
  options: { public: true } | Guarded,
  handler: (ctx: AuthedContext<P>) => Promise<Response>,
): RouteHandler {
  return async (request, route) => {
    const incoming = request.headers.get("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    let response: Response;
    let limitHeaders: Record<string, string> = {};
    try {
      const params = await routeParams<P>(route);
      refuseControlChars(request, params);
      const ctx: BaseContext<P> & { actor?: Actor } = { request, params, requestId };
      if ("permission" in options) {
        const secret = bearerSecret(request);
        let actor: Actor | null;
        let limit: LimitState;
        if (secret !== undefined && can(API_KEY_ROLE, options.permission)) {
          // The usual API call: key and rate limit in one round trip (lib/auth/api-key-request.ts).
          const resolved = secret ? await resolveApiKey(secret) : null;
          if (!resolved) throw unauthenticated();
          ({ actor, limit } = resolved);
          // Keys have roles (lib/auth/api-key-request.ts): the key's own one decides, as below.
          refuseWithout(actor, options);
        } else {
          refuseCrossSiteWrite(request);
          actor = await resolveActor(request);
          if (!actor) throw unauthenticated();
          refuseWithout(actor, options);
          limit = await hit(apiBuckets(actor));
        }
        limitHeaders = rateLimitHeaders(limit);
        if (!limit.allowed) throw new AppError("rate_limited", `Too many requests; retry in ${limit.resetSeconds} s.`);
        ctx.actor = actor;
      }
      noteActor(ctx.actor);
      // The use case's span (when traces are on): named by the permission, the SQL beneath it.
      const useCase = "permission" in options ? options.permission : `public ${request.method}`;
      response = await inUseCaseSpan(
        `use-case ${useCase}`,
        { "app.permission": useCase, "app.actor": actorKind(ctx.actor) },
        () => handler(ctx as AuthedContext<P>),
      );
    } catch (error) {
      const appError = toAppError(error);
      // A client that hung up mid-request is no server fault; its answer goes nowhere anyway.
      if (appError.status >= 500 && !request.signal.aborted) {
        log.error(
          { requestId, method: request.method, path: new URL(request.url).pathname, err: error },
          "request failed",
        );
      }
      response = problem(appError, requestId);
    }
    response.headers.set("x-request-id", requestId);
    for (const [name, value] of Object.entries(limitHeaders)) response.headers.set(name, value);
    return response;
  };
}
