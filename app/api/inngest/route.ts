import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { AppError } from "@/lib/core/errors";
import { withApi } from "@/lib/api/handler";
import { readBytes } from "@/lib/api/body";
import { isValidInngestSignature } from "@/lib/api/inngest-signature";
import { backgroundExecutor, env, type Env } from "@/lib/env";
import { clientIp } from "@/lib/rate-limit";

export const dynamic = "force-dynamic";

const SERVE_PATH = "/api/inngest";
/** Inngest's calls carry the run's whole step state; far above any other body we accept. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** The origin registered with Inngest: configuration only, never the request's Host. */
function serveOrigin(e: Env): string {
  return new URL(e.INNGEST_SERVE_ORIGIN ?? e.INNGEST_SERVE_HOST ?? e.APP_URL).origin;
}

let sdk: ReturnType<typeof serve> | undefined;
function handlers(e: Env) {
  // Built on first use: the environment is read (and validated) when a request arrives, not at build.
  sdk ??= serve({
    client: inngest,
    functions,
    serveOrigin: serveOrigin(e),
    servePath: SERVE_PATH,
    // A sync must be signed like every other call (the SDK accepts an unsigned PUT by default).
    enableUnauthedSync: false,
  });
  return sdk;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * The dev server signs nothing, so in dev mode only it may call: a process on this machine, and
 * not a web page (browsers mark their requests with Origin / Sec-Fetch-Site; the dev server does not).
 */
function fromLocalDevServer(request: Request): boolean {
  const h = request.headers;
  if (h.has("origin") || h.has("sec-fetch-site")) return false;
  return LOOPBACK.test(clientIp(h));
}

/** Stack traces stay in our logs: error answers outside development carry the message only. */
async function withoutStacks(response: Response, e: Env): Promise<Response> {
  if (e.NODE_ENV === "development" || response.status < 400) return response;
  const text = await response.text();
  let body = text;
  try {
    body = JSON.stringify(JSON.parse(text), (key, value) => (key === "stack" ? undefined : value));
  } catch {
    // not JSON: nothing structured to strip
  }
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(body, { status: response.status, headers });
}

/**
 * Served only where an Inngest server runs the functions. Outside dev mode every call, whatever
 * its method, must carry a valid signature; anything else is a 401 before the SDK sees it.
 */
function inngestEndpoint(method: "GET" | "POST" | "PUT") {
  return withApi({ public: true }, async ({ request }) => {
    const e = env();
    if (backgroundExecutor(e) !== "inngest") {
      throw new AppError("not_found", "No Inngest server is configured; background functions run in the app process.");
    }
    const body = method === "GET" ? "" : (await readBytes(request, MAX_BODY_BYTES)).toString("utf8");
    const allowed = e.INNGEST_DEV
      ? fromLocalDevServer(request)
      : isValidInngestSignature(request.headers.get("x-inngest-signature"), body, [
          e.INNGEST_SIGNING_KEY,
          e.INNGEST_SIGNING_KEY_FALLBACK,
        ]);
    if (!allowed) throw new AppError("unauthenticated", "Inngest requests must be signed.");

    // The SDK sees our configured URL and none of the caller's host or forwarding headers.
    const headers = new Headers(request.headers);
    for (const name of ["host", "forwarded", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"]) {
      headers.delete(name);
    }
    // A sync registers exactly the configured URL: no query string rides along into it.
    const search = method === "PUT" ? "" : new URL(request.url).search;
    const url = new URL(SERVE_PATH + search, serveOrigin(e));
    const forwarded = new Request(url, { method, headers, body: method === "GET" ? undefined : body });
    const response = await handlers(e)[method](forwarded as Parameters<ReturnType<typeof serve>["GET"]>[0], undefined);
    return withoutStacks(response, e);
  });
}

// GET/POST/PUT /api/inngest – Inngest introspection, function calls and registration
export const GET = inngestEndpoint("GET");
export const POST = inngestEndpoint("POST");
export const PUT = inngestEndpoint("PUT");
