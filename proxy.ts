import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextMiddleware, type NextRequest } from "next/server";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { authConfig } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);
/** Auth.js's `authorized` callback (lib/auth/config.ts): signed-out page visits go to sign-in. */
const requireSession: NextMiddleware = auth((_request: NextRequest, _event: NextFetchEvent) => undefined);

/**
 * The path with each segment that does not percent-decode (`%E0`, a lone `%`) escaped so that it
 * decodes to its literal text; null when every segment decodes, as almost always.
 */
function repairedPath(pathname: string): string | null {
  let repaired = false;
  const segments = pathname.split("/").map((segment) => {
    try {
      decodeURIComponent(segment);
      return segment;
    } catch {
      repaired = true;
      return segment.replaceAll("%", "%25");
    }
  });
  return repaired ? segments.join("/") : null;
}

/** Auth.js's own test of a `callbackUrl` query parameter (@auth/core assertConfig). */
function authJsAccepts(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? "http://app.invalid" : undefined).protocol);
  } catch {
    return false;
  }
}

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  // Next.js answers a path it cannot decode (`/track/%E0`) with a bare 500: its 400 page does not
  // render in an app without pages/. Served as the literal text instead, such a segment is one
  // more id or tracking code that matches nothing, and the route answers its usual 404.
  const repaired = repairedPath(request.nextUrl.pathname);
  if (repaired !== null) return NextResponse.rewrite(new URL(repaired + request.nextUrl.search, request.url));
  if (request.nextUrl.pathname.startsWith("/api/auth/")) {
    // Auth.js answers any of its endpoints with a 500 when `callbackUrl` does not parse as a URL
    // (`?callbackUrl=abc`); it gets the sign-in page's fallback instead. Parseable ones reach its
    // redirect callback, which applies the same rule as the sign-in page.
    const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
    if (callbackUrl === null || authJsAccepts(callbackUrl)) return NextResponse.next();
    const url = request.nextUrl.clone();
    url.searchParams.set("callbackUrl", safeCallbackUrl(callbackUrl));
    return NextResponse.rewrite(url);
  }
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  // A server action answers a missing session itself (runFormAction: `signedOut`, so the form keeps
  // what was typed); a redirect to the sign-in page would reach its fetch as an unreadable answer.
  if (request.method === "POST" && request.headers.has("next-action")) return NextResponse.next();
  return requireSession(request, event);
}

export const config = {
  matcher: [
    // Pages: the API answers 401 problems itself, and static assets need no session.
    "/((?!api|_next/static|_next/image|favicon.ico|icon.svg|swagger).*)",
    // API paths only when they hold a percent sign: the decoding repair above, nothing else.
    "/api/:path(.*%.*)",
    // Auth.js's endpoints, for their callbackUrl.
    "/api/auth/:path*",
  ],
};
