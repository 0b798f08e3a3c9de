// Who may read the metrics, and the exposition they get. Not a user permission: a scraper is a
// machine, so it is a caller on this host (loopback) or one holding METRICS_TOKEN.
import { timingSafeEqual } from "node:crypto";
import ipaddr from "ipaddr.js";
import { register } from "prom-client";
import { bearerSecret } from "@/lib/auth/api-key-request";
import { AppError } from "@/lib/core/errors";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/rate-limit";
import "@/lib/observability/metrics";

const METRICS_SOURCE = Symbol.for("delivery-platform.metrics-source");

interface MetricsSource {
  contentType: string;
  collect(): Promise<string>;
}

function isLoopback(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address); // an IPv4-mapped IPv6 address as the IPv4 one
  return parsed.range() === "loopback";
}

function sameSecret(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Throws a 401 unless the caller is on this host (after TRUST_PROXY hops) or sends METRICS_TOKEN. */
export function authorizeScrape(request: Request) {
  if (isLoopback(clientIp(request.headers))) return;
  const token = env().METRICS_TOKEN;
  const secret = bearerSecret(request);
  if (token && secret && sameSecret(secret, token)) return;
  throw new AppError(
    "unauthenticated",
    token
      ? "Metrics are served to this host or with `Authorization: Bearer <METRICS_TOKEN>`."
      : "Metrics are served to this host only (set METRICS_TOKEN to allow others).",
  );
}

/**
 * The Prometheus exposition of every process of this server: scripts/server.mjs publishes how to
 * collect it (through the cluster's primary in cluster mode); without it (next dev) this process's.
 */
export async function readMetrics(): Promise<{ contentType: string; text: string }> {
  const source = (globalThis as Record<symbol, MetricsSource | undefined>)[METRICS_SOURCE];
  if (!source) return { contentType: register.contentType, text: await register.metrics() };
  try {
    return { contentType: source.contentType, text: await source.collect() };
  } catch {
    // A worker that is busy past the deadline or gone: no partial sum that would look like a drop.
    throw new AppError("service_unavailable", "The workers' metrics did not arrive in time; scrape again.");
  }
}
