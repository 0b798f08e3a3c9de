// Inngest's signature on each call to the serve route (`X-Inngest-Signature: t=<s>&s=<hex HMAC-SHA256
// of the canonical body + t>`), checked before the SDK sees the request for every method: the SDK
// itself lets an unsigned sync through.
import { createHmac, timingSafeEqual } from "node:crypto";
import canonicalize from "canonicalize";

/** How far a signature's timestamp may be from our clock (the SDK's own tolerance). */
export const SIGNATURE_MAX_AGE_SECONDS = 5 * 60;

/** The text Inngest signs: the canonical form of a JSON body, nothing for an empty one. */
function signedText(body: string): string | null {
  if (body === "") return "";
  try {
    return canonicalize(JSON.parse(body)) ?? null;
  } catch {
    return null;
  }
}

export function signInngestBody(body: string, key: string, timestamp: string): string {
  return createHmac("sha256", key.replace(/^signkey-\w+-/, ""))
    .update(signedText(body) ?? body)
    .update(timestamp)
    .digest("hex");
}

/** Whether `header` is a fresh signature of `body` by one of `keys`. */
export function isValidInngestSignature(
  header: string | null,
  body: string,
  keys: (string | undefined)[],
  nowMs = Date.now(),
): boolean {
  if (!header) return false;
  const params = new URLSearchParams(header);
  const t = params.get("t") ?? "";
  const s = params.get("s") ?? "";
  if (!/^\d{1,12}$/.test(t) || !/^[0-9a-f]{64}$/i.test(s)) return false;
  if (Math.abs(nowMs / 1000 - Number(t)) > SIGNATURE_MAX_AGE_SECONDS) return false;
  if (signedText(body) === null) return false;
  const given = Buffer.from(s.toLowerCase(), "hex");
  return keys.some((key) => !!key && timingSafeEqual(Buffer.from(signInngestBody(body, key, t), "hex"), given));
}
