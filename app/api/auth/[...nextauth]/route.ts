import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/api/errors";
import { problem } from "@/lib/api/responses";
import { handlers } from "@/lib/auth";
import { signInRetryAfter } from "@/lib/auth/rate-limits";
import { rateLimitHeaders } from "@/lib/rate-limit";

// GET /api/auth/* – Auth.js (session, csrf, providers)
export const { GET } = handlers;

// POST /api/auth/* – Auth.js sign-in/out; a throttled sign-in answers 429, not a redirect
export async function POST(request: NextRequest): Promise<Response> {
  const response = await handlers.POST(request);
  const location = response.headers.get("location") ?? "";
  if (!location.includes("code=rate_limited")) return response;
  const resetSeconds = signInRetryAfter();
  const requestId = randomUUID();
  const throttled = problem(
    new AppError("rate_limited", `Too many sign-in attempts; retry in ${resetSeconds} s.`),
    requestId,
  );
  throttled.headers.set("x-request-id", requestId);
  // Which bucket (email or IP) ran out is not carried through Auth.js; both share the window.
  const headers = rateLimitHeaders({ allowed: false, limit: 0, remaining: 0, resetSeconds });
  delete headers["ratelimit-limit"];
  for (const [name, value] of Object.entries(headers)) throttled.headers.set(name, value);
  return throttled;
}
