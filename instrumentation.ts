// Next.js calls register() once when a server process starts. The Node.js server runs the outbox
// relay (lib/outbox/scheduler.ts); the edge runtime (the proxy) has no database access.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerOutboxRelay } = await import("@/lib/outbox/start");
  startServerOutboxRelay();
}
