import { NextRequest } from "next/server";
import { AppError } from "@/lib/core/errors";
import { withApi } from "@/lib/api/handler";
import { problem } from "@/lib/api/responses";
import { handlers, sessionActor } from "@/lib/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signInRetryAfter } from "@/lib/auth/rate-limits";
import { rateLimitHeaders } from "@/lib/rate-limit";

// Auth.js authenticates the caller itself, so these routes are public to withApi; it still gives
// them a request id and maps anything thrown to problem+json. Next passes a NextRequest, which is
// what Auth.js expects. Its redirects come with immutable headers: copied, so the id can be added.
const mutable = (response: Response) => new Response(response.body, response);

/**
 * A `callbackUrl` in the query reaches Auth.js only as a path on this site: Auth.js parses it as a
 * URL and throws (a 500) on values such as `https:\n//\n` that no browser would send.
 */
function withSafeCallback(request: NextRequest): NextRequest {
  const url = new URL(request.url);
  const value = url.searchParams.get("callbackUrl");
  if (value === null) return request;
  url.searchParams.set("callbackUrl", safeCallbackUrl(value));
  return new NextRequest(url, request);
}

/**
 * Auth.js reads the session from the cookie alone, so it would answer (and refresh) a signed-out
 * (revoked) session or a deactivated user's. Those are no session: `null`, and the cookie is
 * cleared instead of renewed.
 */
async function endedSession(request: Request): Promise<Response | null> {
  const cookies = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((c) => c.trim().split("=")[0])
    .filter((name) => /(^|\.)authjs\.session-token(\.\d+)?$/.test(name));
  if (!cookies.length || (await sessionActor())) return null;
  const response = Response.json(null, { headers: { "cache-control": "no-store" } });
  const secure = new URL(request.url).protocol === "https:";
  for (const name of cookies) {
    response.headers.append(
      "set-cookie",
      `${name}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax${secure || name.startsWith("__Secure-") ? "; Secure" : ""}`,
    );
  }
  return response;
}

// GET /api/auth/* – Auth.js (session, csrf, providers)
export const GET = withApi({ public: true }, async ({ request }) => {
  if (new URL(request.url).pathname === "/api/auth/session") {
    const ended = await endedSession(request);
    if (ended) return ended;
  }
  return mutable(await handlers.GET(withSafeCallback(request as NextRequest)));
});

// POST /api/auth/* – Auth.js sign-in/out; a throttled sign-in answers 429, not a redirect
export const POST = withApi({ public: true }, async ({ request, requestId }) => {
  const response = await handlers.POST(request as NextRequest);
  const location = response.headers.get("location") ?? "";
  if (!location.includes("code=rate_limited")) return mutable(response);
  const resetSeconds = signInRetryAfter();
  const throttled = problem(
    new AppError("rate_limited", `Too many sign-in attempts; retry in ${resetSeconds} s.`),
    requestId,
  );
  // Which bucket (email or IP) ran out is not carried through Auth.js; both share the window.
  const headers = rateLimitHeaders({ allowed: false, limit: 0, remaining: 0, resetSeconds });
  delete headers["ratelimit-limit"];
  for (const [name, value] of Object.entries(headers)) throttled.headers.set(name, value);
  return throttled;
});
