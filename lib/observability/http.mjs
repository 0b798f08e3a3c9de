// @ts-check
// What scripts/server.mjs records about every request it serves: one access-log line and the HTTP
// metrics, labelled by route template. Plain JS: the server loads it outside Next's bundle. The
// bundle's side (the actor kind a route handler resolved, the /api/metrics route) meets it through
// two globalThis symbols, the one object both share.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import client from "prom-client";
import { startLastHourGauges } from "./windowed.mjs";

/** The per-request record a route handler adds to (lib/observability/request-context.ts). */
export const REQUEST_CONTEXT = Symbol.for("delivery-platform.request-context");
/** How the /api/metrics route gets the exposition of every process of this server. */
export const METRICS_SOURCE = Symbol.for("delivery-platform.metrics-source");

const REQUEST_ID = /^[\w.:-]{1,128}$/;
const MESSAGE_COLLECT = "metrics:collect";
const MESSAGE_COLLECTED = "metrics:collected";

/**
 * Route templates from the build's routes manifest (`/deliveries/[id]`), so that no id or code a
 * client sent becomes a label or a log field. Anything the build does not route is one of three
 * fixed names.
 * @param {string} dir the project folder (holding .next and public)
 */
export function routeTemplates(dir) {
  /** @type {Set<string>} */
  const statics = new Set();
  /** @type {{ page: string, regex: RegExp }[]} */
  const dynamics = [];
  const manifest = path.join(dir, ".next/routes-manifest.json");
  if (existsSync(manifest)) {
    const routes = JSON.parse(readFileSync(manifest, "utf8"));
    for (const route of routes.staticRoutes ?? []) statics.add(route.page);
    // In the manifest's order: Next.js sorts the most specific first, as it matches them.
    for (const route of routes.dynamicRoutes ?? []) dynamics.push({ page: route.page, regex: new RegExp(route.regex) });
  }
  const publicDir = path.join(dir, "public");
  const files = new Set(
    existsSync(publicDir)
      ? readdirSync(publicDir, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => "/" + path.relative(publicDir, path.join(entry.parentPath, entry.name)))
      : [],
  );
  /** @param {string | undefined} url */
  return (url) => {
    const pathname = (url ?? "/").split("?")[0];
    if (pathname.startsWith("/_next/")) return "/_next/*";
    const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
    if (statics.has(trimmed)) return trimmed;
    for (const { page, regex } of dynamics) if (regex.test(pathname)) return page;
    if (files.has(pathname)) return "/(public file)";
    return "(unmatched)";
  };
}

/** Seconds, for request durations: from a millisecond up to the longest a client waits. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function httpMetrics() {
  const labelNames = ["method", "route", "status"];
  return {
    requests: new client.Counter({
      name: "http_requests_total",
      help: "HTTP requests answered, by method, route template and status.",
      labelNames,
    }),
    duration: new client.Histogram({
      name: "http_request_duration_seconds",
      help: "Time from a request's arrival to its last byte written, by method, route template and status.",
      labelNames,
      buckets: DURATION_BUCKETS,
    }),
  };
}

/** Methods outside this list are one label value: a client can invent any number of them. */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * Starts recording for one server process. `record(req, res)` is called first for every request:
 * it gives the request its id (the one `X-Request-Id` answers), and once the answer is written
 * logs one line and counts it. `run(req, work)` runs the handler inside the request's context.
 * @param {{ dir: string, logger: import("pino").Logger }} options
 */
export function startRequestRecording({ dir, logger }) {
  client.collectDefaultMetrics();
  // Gauges whose names end in _total, which Prometheus reserves for counters (`promtool check
  // metrics` refuses them); nodejs_active_resources counts the same things, by type.
  for (const name of ["nodejs_active_handles_total", "nodejs_active_requests_total", "nodejs_active_resources_total"])
    client.register.removeSingleMetric(name);
  const metrics = httpMetrics();
  // The admin overview's "last hour" figures, made from these counters (lib/observability/windowed.mjs).
  startLastHourGauges();
  const templateOf = routeTemplates(dir);
  const access = logger.child({ component: "http" });
  /** @type {AsyncLocalStorage<{ actor?: string }>} */
  const context = new AsyncLocalStorage();
  /** @type {Record<symbol, unknown>} */ (globalThis)[REQUEST_CONTEXT] = context;

  /**
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @param {() => unknown} work
   */
  function run(req, res, work) {
    const started = process.hrtime.bigint();
    const sent = req.headers["x-request-id"];
    const requestId = typeof sent === "string" && REQUEST_ID.test(sent) ? sent : randomUUID();
    // Route handlers (withApi) read it from here and answer the same id.
    req.headers["x-request-id"] = requestId;
    res.setHeader("x-request-id", requestId);
    /** @type {{ actor?: string }} */
    const store = {};
    // "close" also fires for a client that hung up before its answer was complete (logged as such).
    res.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const method = METHODS.has(req.method ?? "") ? /** @type {string} */ (req.method) : "OTHER";
      const route = templateOf(req.url);
      const status = res.writableFinished ? res.statusCode : 499;
      const labels = { method, route, status: String(status) };
      metrics.requests.inc(labels);
      // An event stream lasts as long as its page is open: no latency to speak of.
      const stream = String(res.getHeader("content-type") ?? "").startsWith("text/event-stream");
      if (!stream) metrics.duration.observe(labels, seconds);
      access.info(
        {
          requestId,
          method,
          route,
          status,
          durationMs: Math.round(seconds * 10_000) / 10,
          ...(store.actor ? { actor: store.actor } : {}),
        },
        "request",
      );
    });
    return context.run(store, work);
  }
  return { run };
}

/**
 * Metrics of the cluster: the primary collects every worker's registry (prom-client's
 * AggregatorRegistry sums counters and histograms across them) and answers the worker that asked.
 * Call once in the primary.
 * @param {import("node:cluster").Cluster} cluster
 */
export function serveClusterMetrics(cluster) {
  const aggregator = new client.AggregatorRegistry();
  cluster.on("message", (worker, message) => {
    if (message?.type !== MESSAGE_COLLECT) return;
    aggregator.clusterMetrics().then(
      (text) => worker.isConnected() && worker.send({ type: MESSAGE_COLLECTED, id: message.id, text }, () => {}),
      (error) =>
        worker.isConnected() &&
        worker.send({ type: MESSAGE_COLLECTED, id: message.id, error: String(error?.message ?? error) }, () => {}),
    );
  });
}

/**
 * Publishes how this process's /api/metrics route gets the exposition: in a cluster worker through
 * the primary (every worker's numbers), otherwise this process's own registry.
 * @param {boolean} isWorker
 */
export function publishMetricsSource(isWorker) {
  /** @type {Map<number, { resolve: (text: string) => void, reject: (error: Error) => void }>} */
  const waiting = new Map();
  let next = 0;
  if (isWorker) {
    // Answers the primary's collection requests with this worker's registry.
    new client.AggregatorRegistry();
    process.on("message", (/** @type {{ type?: string, id: number, text?: string, error?: string }} */ message) => {
      if (message?.type !== MESSAGE_COLLECTED) return;
      const request = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error !== undefined) request?.reject(new Error(message.error));
      else request?.resolve(message.text ?? "");
    });
  }
  /** @type {Record<symbol, unknown>} */ (globalThis)[METRICS_SOURCE] = {
    contentType: client.register.contentType,
    /** @returns {Promise<string>} */
    collect() {
      if (!isWorker || !process.send) return client.register.metrics();
      const id = next++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error("the cluster's metrics did not arrive within 10 s"));
        }, 10_000);
        waiting.set(id, {
          resolve: (text) => (clearTimeout(timer), resolve(text)),
          reject: (error) => (clearTimeout(timer), reject(error)),
        });
        process.send?.({ type: MESSAGE_COLLECT, id });
      });
    },
  };
}
