// Next.js calls register() once when a server process starts. The Node.js server starts the
// background work (inngest/start.ts); the edge runtime (the proxy) has no database access.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundWork } = await import("@/inngest/start");
  startBackgroundWork();
}
