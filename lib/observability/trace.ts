// The bundle's side of traces: what withApi, the outbox and the embedded executor call. Each call
// goes through the hook lib/observability/tracing.mjs publishes on globalThis when
// OTEL_EXPORTER_OTLP_ENDPOINT is set; without it every call is a plain pass-through and nothing of
// OpenTelemetry is loaded (docs/observability.md "Traces").
const TRACING = Symbol.for("delivery-platform.tracing");

interface TracingHook {
  traceparent(): string | null;
  useCase<T>(name: string, attributes: Record<string, string>, work: () => Promise<T>): Promise<T>;
  backgroundRun<T>(
    name: string,
    options: { attributes: Record<string, string | number>; parents: (string | null | undefined)[] },
    work: () => Promise<T>,
  ): Promise<T>;
}

const hook = () => (globalThis as Record<symbol, TracingHook | undefined>)[TRACING];

/** The W3C traceparent of the span this code runs in, to store with an outbox row (null: none). */
export function currentTraceparent(): string | null {
  return hook()?.traceparent() ?? null;
}

/** Runs a route's use case in its own span, named by its permission (or route). */
export function inUseCaseSpan<T>(name: string, attributes: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const tracing = hook();
  return tracing ? tracing.useCase(name, attributes, work) : work();
}

/**
 * Runs one attempt of a background run in a span: a child of the request whose outbox row it came
 * from (one event), or linked to each (a batch).
 */
export function inBackgroundRunSpan<T>(
  functionId: string,
  run: { id: string; attempt: number; parents: (string | null | undefined)[] },
  work: () => Promise<T>,
): Promise<T> {
  const tracing = hook();
  if (!tracing) return work();
  return tracing.backgroundRun(
    `background.run ${functionId}`,
    {
      attributes: { "background.function": functionId, "background.run_id": run.id, "background.attempt": run.attempt },
      parents: run.parents,
    },
    work,
  );
}
