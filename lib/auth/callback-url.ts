/** Only same-site paths are followed after sign-in (no open redirects). */
export function safeCallbackUrl(value: unknown): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/deliveries";
}
