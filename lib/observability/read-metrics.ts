// Who may read the metrics, and the exposition they get. Not a user permission: a scraper is a
// machine, so it is a caller on this host (loopback) or one holding METRICS_TOKEN.
import { timingSafeEqual } from "node:crypto";
import ipaddr from "ipaddr.js";
import { register } from "prom-client";
import type { Actor } from "@/lib/auth/actor";
import { bearerSecret } from "@/lib/auth/api-key-request";
import { authorize } from "@/lib/auth/authorize";
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

/** One sample of the exposition: `name{a="x",b="y"} 12` (no timestamps: prom-client writes none). */
const SAMPLE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/** The samples of the metrics named, from a Prometheus text exposition. */
export function parseSamples(text: string, names: readonly string[]) {
  const wanted = new Set(names);
  const samples: { name: string; labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split("\n")) {
    const match = SAMPLE.exec(line.trim());
    if (!match || !wanted.has(match[1])) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? "").matchAll(LABEL)) labels[key] = value;
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** What the admin overview shows of the metrics: the last hour's traffic and the queue's state now. */
export interface HealthNumbers {
  /** Requests answered in the last hour (lib/observability/windowed.mjs), null when this server keeps no such count (next dev). */
  requests: number | null;
  serverErrors: number;
  /** serverErrors ÷ requests; null without requests. */
  errorRate: number | null;
  /** Background attempts that ended in the last hour, and those that failed for good. */
  runsEnded: number;
  runsFailed: number;
  queueDepth: number;
  oldestWaitingSeconds: number;
  outboxPending: number;
  outboxLagSeconds: number;
}

const HEALTH_METRICS = [
  "http_requests_last_hour",
  "background_runs_last_hour",
  "background_queue_depth",
  "background_queue_oldest_waiting_seconds",
  "outbox_pending_events",
  "outbox_lag_seconds",
] as const;

/**
 * The overview's numbers, read from the same exposition a scrape gets: in cluster mode every
 * worker's, summed (the queue gauges: their max), so the page says the same whichever worker
 * renders it. Null when the workers' metrics did not arrive in time.
 */
export async function readHealthNumbers({ actor }: { actor: Actor }): Promise<HealthNumbers | null> {
  authorize(actor, "jobs.read");
  const exposition = await readMetrics().catch(() => null);
  if (!exposition) return null;
  const samples = parseSamples(exposition.text, HEALTH_METRICS);
  const sum = (
    name: (typeof HEALTH_METRICS)[number],
    where: (labels: Record<string, string>) => boolean = () => true,
  ) => samples.filter((s) => s.name === name && where(s.labels)).reduce((total, s) => total + s.value, 0);
  // Declared even with no sample yet (no request answered): absent only where scripts/server.mjs
  // does not run (next dev).
  const counted = exposition.text.includes("# TYPE http_requests_last_hour ");
  const requests = sum("http_requests_last_hour");
  const serverErrors = sum("http_requests_last_hour", (l) => l.status_class === "5xx");
  return {
    requests: counted ? requests : null,
    serverErrors,
    errorRate: requests > 0 ? serverErrors / requests : null,
    runsEnded: sum("background_runs_last_hour", (l) => l.outcome !== "retried"),
    runsFailed: sum("background_runs_last_hour", (l) => l.outcome === "failed"),
    queueDepth: sum("background_queue_depth"),
    oldestWaitingSeconds: sum("background_queue_oldest_waiting_seconds"),
    outboxPending: sum("outbox_pending_events"),
    outboxLagSeconds: sum("outbox_lag_seconds"),
  };
}
