import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { AppError } from "@/lib/core/errors";
import { withApi } from "@/lib/api/handler";
import { backgroundExecutor, env } from "@/lib/env";

export const dynamic = "force-dynamic";

const sdk = serve({ client: inngest, functions });

/**
 * Served only where an Inngest server runs the functions. Outside dev mode every call must carry
 * Inngest's signature: unsigned ones are refused here with 401 (the SDK would answer some of them,
 * registration for one, with a 500 or an outbound call).
 */
function inngestEndpoint(method: "GET" | "POST" | "PUT") {
  return withApi({ public: true }, async ({ request }) => {
    const e = env();
    if (backgroundExecutor(e) !== "inngest") {
      throw new AppError("not_found", "No Inngest server is configured; background functions run in the app process.");
    }
    if (!e.INNGEST_DEV && !request.headers.get("x-inngest-signature")) {
      throw new AppError("unauthenticated", "Inngest requests must be signed.");
    }
    return sdk[method](request as Parameters<(typeof sdk)["GET"]>[0], undefined);
  });
}

// GET/POST/PUT /api/inngest – Inngest introspection, function calls and registration
export const GET = inngestEndpoint("GET");
export const POST = inngestEndpoint("POST");
export const PUT = inngestEndpoint("PUT");
