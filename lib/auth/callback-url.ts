// "/" sends each role to its own first page (a courier to their list, a partner to deliveries).
const FALLBACK = "/";
/** Stands in for this app's origin: only the path part of a same-origin URL is ever returned. */
const HERE = "http://app.invalid";

/**
 * A path on this site to go to after sign-in, or `/` (no open redirects). The value is
 * judged as a browser would read it: `new URL(value, origin)` must stay on the origin, and what is
 * returned is the parsed path, so a browser cannot read it differently. Control characters
 * (browsers drop tabs and newlines: `/\t/evil.example` is `//evil.example`), backslashes (read
 * as `/`) and a leading `//` (another host) are refused outright.
 */
export function safeCallbackUrl(value: unknown, origin: string = HERE): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return FALLBACK;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== new URL(origin).origin) return FALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil.example` parses to the path `//evil.example`, which is another host again.
  return path.startsWith("//") ? FALLBACK : path;
}
