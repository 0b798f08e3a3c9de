// Response headers for every route (applied in next.config.ts). Kept here so tests can read the
// same policy they assert against.
const isDev = process.env.NODE_ENV === "development";

/**
 * Next.js streams its page data through inline scripts, hence 'unsafe-inline' for scripts;
 * 'unsafe-eval' only in development (React's dev tooling needs it). Swagger UI loads its bundle
 * from 'self' and draws icons from data: URIs.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? " ws:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** Sent only when the request came over TLS (as the terminating proxy reports it). */
export const hstsHeader = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };
