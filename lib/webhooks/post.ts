// One signed POST to a partner endpoint, measured. Never follows redirects (a redirect could point
// inside our network); any non-2xx answer, time-out or connection error is a failed attempt.
import http from "node:http";
import https from "node:https";
import { SIGNATURE_HEADER, signWebhook } from "@/lib/webhooks/signature";
import { assertSafeWebhookUrl, guardedLookup } from "@/lib/webhooks/target";

export interface AttemptResult {
  ok: boolean;
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
}

export async function postSignedWebhook(options: {
  url: string;
  secret: string;
  body: string;
  eventId: string;
  timeoutMs: number;
  allowPrivate: boolean;
}): Promise<AttemptResult> {
  const started = performance.now();
  const done = (responseStatus: number | null, error: string | null): AttemptResult => ({
    ok: error === null && responseStatus !== null && responseStatus >= 200 && responseStatus < 300,
    responseStatus,
    durationMs: Math.round(performance.now() - started),
    error:
      error ??
      (responseStatus !== null && (responseStatus < 200 || responseStatus >= 300) ? `HTTP ${responseStatus}` : null),
  });
  let url: URL;
  try {
    // Checked before connecting (literal IPs never reach a lookup) and again by guardedLookup.
    url = await assertSafeWebhookUrl(options.url, options.allowPrivate);
  } catch (error) {
    return done(null, (error as Error).message);
  }
  const client = url.protocol === "https:" ? https : http;
  return new Promise<AttemptResult>((resolve) => {
    const request = client.request(
      url,
      {
        method: "POST",
        timeout: options.timeoutMs,
        lookup: options.allowPrivate ? undefined : guardedLookup,
        headers: {
          "content-type": "application/json",
          "user-agent": "delivery-platform-webhooks/1",
          "webhook-id": options.eventId,
          [SIGNATURE_HEADER]: signWebhook(options.secret, options.body),
        },
      },
      (response) => {
        response.resume(); // the body does not matter; drain it so the socket is freed
        response.on("end", () => resolve(done(response.statusCode ?? null, null)));
        response.on("error", (e) => resolve(done(response.statusCode ?? null, e.message)));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`Timed out after ${options.timeoutMs} ms`)));
    request.on("error", (e) => resolve(done(null, e.message)));
    request.end(options.body);
  });
}
