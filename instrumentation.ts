// Next.js calls register() once when a server process starts: the Node.js server starts the
// background work (lib/background/start.ts) with the app's Inngest client and functions.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Traces only when a collector is configured: the SDK is imported at run time from a plain file
  // outside the bundle (lib/observability/tracing.mjs), so that with the variable unset nothing of
  // it is loaded. First, so that Prisma's instrumentation is in place before any query.
  const otlp = process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (otlp && process.env.OTEL_SDK_DISABLED?.trim().toLowerCase() !== "true") {
    const { pathToFileURL } = await import("node:url");
    const file = pathToFileURL(`${process.cwd()}/lib/observability/tracing.mjs`).href;
    const { startTracing } = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ file);
    await startTracing();
  }
  const [{ startBackgroundWork }, { inngest }, { functions }] = await Promise.all([
    import("@/lib/background/start"),
    import("@/inngest/client"),
    import("@/inngest/functions"),
    // Registered at start, so that every worker's numbers are in a scrape before it served a request.
    import("@/lib/observability/metrics"),
  ]);
  startBackgroundWork({ client: inngest, functions });
}
