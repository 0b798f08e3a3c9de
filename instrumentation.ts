// Next.js calls register() once when a server process starts: the Node.js server starts the
// background work (lib/background/start.ts) with the app's Inngest client and functions.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ startBackgroundWork }, { inngest }, { functions }] = await Promise.all([
    import("@/lib/background/start"),
    import("@/inngest/client"),
    import("@/inngest/functions"),
    // Registered at start, so that every worker's numbers are in a scrape before it served a request.
    import("@/lib/observability/metrics"),
  ]);
  startBackgroundWork({ client: inngest, functions });
}
