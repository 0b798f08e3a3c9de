// One signed POST to a partner endpoint, measured. Never follows redirects (a redirect could point
// inside our network); any non-2xx answer, time-out or connection error is a failed attempt. The
// whole attempt has one deadline (timeoutMs), from connecting to the last byte of the response.
// The first KiB of the response body is kept for the message log; the rest is drained unread.
import http from "node:http";
import https from "node:https";
import { assertSafeWebhookUrl, guardedLookup } from "@/lib/webhooks/target";
import { loggerFor } from "@/lib/core/logger";
import { webhookAttempts, webhookOutcome } from "@/lib/observability/metrics";

const log = loggerFor("webhooks");

/** The one thing a partner learns when no complete HTTP answer came back, whatever the cause. */
export const CONNECTION_FAILED = "No complete HTTP response (connection failed or timed out).";

/** How much of a response body the message log keeps. */
export const RESPONSE_BODY_BYTES = 1024;

export interface AttemptResult {
  ok: boolean;
  responseStatus: number | null;
  /** The first RESPONSE_BODY_BYTES of the body as text; null without a complete response. */
  responseBody: string | null;
  durationMs: number;
  error: string | null;
}

export async function postSignedWebhook(options: {
  url: string;
  /** The Standard Webhooks headers of this attempt (signWebhook). */
  signature: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowPrivate: boolean;
}): Promise<AttemptResult> {
  const started = performance.now();
  const done = (
    responseStatus: number | null,
    error: string | null,
    responseBody: string | null = null,
  ): AttemptResult => {
    const ok = error === null && responseStatus !== null && responseStatus >= 200 && responseStatus < 300;
    webhookAttempts.inc({ outcome: webhookOutcome({ ok, responseStatus }) });
    return {
      ok,
      responseStatus,
      responseBody,
      durationMs: Math.round(performance.now() - started),
      error:
        error ??
        (responseStatus !== null && (responseStatus < 200 || responseStatus >= 300) ? `HTTP ${responseStatus}` : null),
    };
  };
  let url: URL;
  try {
    // Checked before connecting (literal IPs never reach a lookup) and again by guardedLookup.
    url = await assertSafeWebhookUrl(options.url, options.allowPrivate);
  } catch (error) {
    return done(null, (error as Error).message);
  }
  const client = url.protocol === "https:" ? https : http;
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const head: Buffer[] = [];
    let headBytes = 0;
    const finish = (responseStatus: number | null, detail: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (detail !== null) {
        // The detail (refused, reset, DNS, timed out…) is for our logs only: told to the partner,
        // it would make this a port and network prober.
        log.warn({ target: url.origin, error: detail }, "webhook attempt failed");
        resolve(done(null, CONNECTION_FAILED));
      } else {
        const text = Buffer.concat(head).subarray(0, RESPONSE_BODY_BYTES).toString("utf8");
        // A cut inside a multi-byte character leaves a replacement character; drop it.
        resolve(done(responseStatus, null, text.replace(/\uFFFD$/, "")));
      }
      request.destroy();
    };
    // A total deadline, not only an idle one: a receiver trickling a byte at a time is cut too.
    const deadline = setTimeout(() => finish(null, `deadline of ${options.timeoutMs} ms reached`), options.timeoutMs);
    const request = client.request(
      url,
      {
        method: "POST",
        timeout: options.timeoutMs,
        lookup: options.allowPrivate ? undefined : guardedLookup,
        headers: {
          "content-type": "application/json",
          "user-agent": "delivery-platform-webhooks/1",
          ...options.signature,
        },
      },
      (response) => {
        // Keep the first KiB; drain the rest so the socket is freed.
        response.on("data", (chunk: Buffer) => {
          if (headBytes < RESPONSE_BODY_BYTES) {
            head.push(chunk);
            headBytes += chunk.length;
          }
        });
        response.on("end", () => finish(response.statusCode ?? null, null));
        response.on("error", (e) => finish(null, e.message));
        response.on("close", () => finish(null, "connection closed before the response ended"));
      },
    );
    request.on("timeout", () => finish(null, `idle for ${options.timeoutMs} ms`));
    request.on("error", (e) => finish(null, (e as NodeJS.ErrnoException).code ?? e.message));
    request.end(options.body);
  });
}
