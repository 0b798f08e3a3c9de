// @ts-check
// OpenTelemetry traces, loaded only when OTEL_EXPORTER_OTLP_ENDPOINT is set (instrumentation.ts
// imports this file at run time, outside Next's bundle, so that nothing of the SDK is bundled or
// loaded otherwise). It registers the global tracer provider, the W3C propagator and Prisma's
// instrumentation, then publishes a small hook on globalThis that the bundle's code uses
// (lib/observability/trace.ts): without this file loaded, those calls do nothing. See
// docs/observability.md "Traces".
import { context, diag, DiagLogLevel, propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { PrismaInstrumentation } from "@prisma/instrumentation";
import client from "prom-client";
import { routeTemplates } from "./http.mjs";

/** The hook lib/observability/trace.ts looks for. */
export const TRACING = Symbol.for("delivery-platform.tracing");

const DROPPED = "otel_spans_dropped_total";
const EXPORTED = "otel_spans_exported_total";

/** A counter of the shared registry, reused if another bundle made it first. */
function counter(/** @type {string} */ name, /** @type {string} */ help, /** @type {string[]} */ labelNames = []) {
  return /** @type {import("prom-client").Counter<string>} */ (
    client.register.getSingleMetric(name) ?? new client.Counter({ name, help, labelNames })
  );
}

/** The exporter the standard variable asks for: http/protobuf (the default) or http/json. */
async function exporterFromEnv() {
  const protocol = (
    process.env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ??
    process.env.OTEL_EXPORTER_OTLP_PROTOCOL ??
    "http/protobuf"
  ).trim();
  // Short by default: an unreachable collector costs a background export its timeout, never a request.
  const timeoutMillis =
    process.env.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT || process.env.OTEL_EXPORTER_OTLP_TIMEOUT ? undefined : 5_000;
  if (protocol === "http/json") {
    const { OTLPTraceExporter } = await import("@opentelemetry/exporter-trace-otlp-http");
    return new OTLPTraceExporter({ timeoutMillis });
  }
  if (protocol !== "http/protobuf")
    diag.warn(`OTEL_EXPORTER_OTLP_PROTOCOL=${protocol} is not supported here; using http/protobuf`);
  const { OTLPTraceExporter } = await import("@opentelemetry/exporter-trace-otlp-proto");
  return new OTLPTraceExporter({ timeoutMillis });
}

/**
 * Counts spans that never reached the collector: those the batch processor's full queue turned
 * away, and those of exports that failed (a closed port, a timeout, a refusal).
 * @param {import("@opentelemetry/sdk-trace-base").SpanExporter} exporter
 */
function counted(exporter) {
  const dropped = counter(DROPPED, "Spans that were not exported: the queue was full, or the export failed.", [
    "reason",
  ]);
  const exported = counter(EXPORTED, "Spans the OTLP exporter delivered to the collector.");
  return {
    /** @type {import("@opentelemetry/sdk-trace-base").SpanExporter["export"]} */
    export(spans, done) {
      exporter.export(spans, (result) => {
        if (result.code === 0) exported.inc(spans.length);
        else dropped.inc({ reason: "export_failed" }, spans.length);
        done(result);
      });
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
    dropped,
  };
}

/** The batch processor, with the queue's overflow counted (the SDK only logs it, at debug level). */
class CountingBatchSpanProcessor extends BatchSpanProcessor {
  /**
   * @param {ReturnType<typeof counted>} exporter
   * @param {import("@opentelemetry/sdk-trace-base").BufferConfig} config
   */
  constructor(exporter, config) {
    super(exporter, config);
    this.dropped = exporter.dropped;
  }
  /** @param {import("@opentelemetry/sdk-trace-base").ReadableSpan} span */
  onEnd(span) {
    // The base class keeps its queue private: its length is read where it is, and a full one
    // drops the span before adding it.
    const { _finishedSpans: queue, _maxQueueSize: max = 2048 } =
      /** @type {{ _finishedSpans?: unknown[], _maxQueueSize?: number }} */ (/** @type {unknown} */ (this));
    if (queue && queue.length >= max && (span.spanContext().traceFlags & 1) === 1)
      this.dropped.inc({ reason: "queue_full" });
    super.onEnd(span);
  }
}

/**
 * Next.js names its request span by the route once it has matched one, but records the raw path
 * (`http.target`) from the start: here it becomes the route template as the access log has it, so
 * that no id or query string a client sent is exported (and an unmatched path is named too).
 * @param {(url: string | undefined) => string} templateOf
 * @returns {import("@opentelemetry/sdk-trace-base").SpanProcessor}
 */
function routeTemplateProcessor(templateOf) {
  return {
    onStart(span) {
      const target = span.attributes["http.target"];
      if (typeof target !== "string") return;
      const template = templateOf(target);
      span.setAttribute("http.target", template);
      const method = span.attributes["http.method"];
      if (typeof method === "string" && span.name === method) span.updateName(`${method} ${template}`);
    },
    onEnd() {},
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
  };
}

/** Our default where the variable is unset; the SDK reads OTEL_BSP_* itself when it is. */
const unlessSet = (/** @type {string} */ name, /** @type {number} */ value) => (process.env[name] ? undefined : value);

/** Starts tracing for this process, once. */
export async function startTracing() {
  const g = /** @type {Record<symbol, unknown>} */ (globalThis);
  if (g[TRACING]) return g[TRACING];
  if (process.env.OTEL_LOG_LEVEL) {
    const level = /** @type {keyof typeof DiagLogLevel} */ (process.env.OTEL_LOG_LEVEL.toUpperCase());
    diag.setLogger(
      { error: console.error, warn: console.warn, info: console.info, debug: console.debug, verbose: console.debug },
      DiagLogLevel[level] ?? DiagLogLevel.WARN,
    );
  }
  const exporter = counted(await exporterFromEnv());
  const processor = new CountingBatchSpanProcessor(exporter, {
    // A bounded queue and short exports: the collector being away costs memory up to the queue, never latency.
    // (OTEL_BSP_MAX_QUEUE_SIZE, default 2048; OTEL_BSP_MAX_EXPORT_BATCH_SIZE, default 512.)
    scheduledDelayMillis: unlessSet("OTEL_BSP_SCHEDULE_DELAY", 1_000),
    exportTimeoutMillis: unlessSet("OTEL_BSP_EXPORT_TIMEOUT", 5_000),
  });
  const resource = defaultResource()
    .merge(resourceFromAttributes({ "service.name": "delivery-platform" }))
    .merge(detectResources({ detectors: [envDetector] }));
  // The sampler comes from OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG (the SDK reads them).
  const provider = new BasicTracerProvider({
    resource,
    spanProcessors: [routeTemplateProcessor(routeTemplates(process.cwd())), processor],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  // Prisma's client reads the helper this puts on globalThis (in the bundle too): a span per
  // operation and one per SQL statement the driver adapter runs.
  // Left out: the client's own serialize/compile steps (microseconds each, three spans per query
  // otherwise); the operation, its statements and transactions stay.
  const prisma = new PrismaInstrumentation({
    ignoreSpanTypes: ["prisma:client:serialize", "prisma:client:compile"],
  });
  prisma.setTracerProvider(provider);
  prisma.enable();
  const tracer = trace.getTracer("delivery-platform");

  /**
   * Runs `work` in a span; an exception ends it as an error and is thrown on.
   * @template T
   * @param {string} name
   * @param {import("@opentelemetry/api").SpanOptions} options
   * @param {import("@opentelemetry/api").Context} parent
   * @param {(span: import("@opentelemetry/api").Span) => Promise<T>} work
   */
  const inSpan = (name, options, parent, work) =>
    tracer.startActiveSpan(name, options, parent, async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.recordException(/** @type {Error} */ (error));
        span.setStatus({ code: SpanStatusCode.ERROR, message: String(/** @type {Error} */ (error)?.message ?? error) });
        throw error;
      } finally {
        span.end();
      }
    });

  /** @param {string | null | undefined} traceparent */
  const contextOf = (traceparent) =>
    traceparent ? propagation.extract(context.active(), { traceparent }) : context.active();

  const hook = {
    /** The active span's W3C traceparent, for an outbox row; null outside a sampled span. */
    traceparent() {
      /** @type {Record<string, string>} */
      const carrier = {};
      propagation.inject(context.active(), carrier);
      return carrier.traceparent ?? null;
    },
    /**
     * A use case inside withApi, with its outcome as the status.
     * @template T
     * @param {string} name
     * @param {Record<string, string>} attributes
     * @param {() => Promise<T>} work
     */
    useCase(name, attributes, work) {
      return inSpan(name, { kind: SpanKind.INTERNAL, attributes }, context.active(), async (span) => {
        const result = await work();
        const status = /** @type {{ status?: unknown }} */ (result)?.status;
        if (typeof status === "number") {
          span.setAttribute("http.response.status_code", status);
          if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        }
        return result;
      });
    },
    /**
     * A background run's attempt: the child of the request that wrote its event, or (a batch,
     * which has many) a root span linked to each.
     * @template T
     * @param {string} name
     * @param {{ attributes: Record<string, string | number>, parents: (string | null | undefined)[] }} options
     * @param {() => Promise<T>} work
     */
    backgroundRun(name, { attributes, parents }, work) {
      const known = parents.filter(Boolean);
      if (parents.length === 1) {
        return inSpan(name, { kind: SpanKind.CONSUMER, attributes }, contextOf(known[0]), work);
      }
      const links = known.map((p) => ({ context: trace.getSpanContext(contextOf(p)) })).filter((l) => l.context);
      return inSpan(
        name,
        {
          kind: SpanKind.CONSUMER,
          attributes,
          links: /** @type {import("@opentelemetry/api").Link[]} */ (links),
          root: true,
        },
        context.active(),
        work,
      );
    },
    /** Sends what is queued (tests and shutdown). */
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
  g[TRACING] = hook;
  return hook;
}
