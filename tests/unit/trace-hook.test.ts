// The bundle's side of traces (lib/observability/trace.ts): without the hook tracing.mjs publishes,
// every call runs the work as it is and writes no trace context; with it, each call goes through it.
import { afterEach, describe, expect, it } from "vitest";
import { currentTraceparent, inBackgroundRunSpan, inUseCaseSpan } from "@/lib/observability/trace";

const TRACING = Symbol.for("delivery-platform.tracing");
const g = globalThis as Record<symbol, unknown>;

afterEach(() => {
  delete g[TRACING];
});

describe("without tracing", () => {
  it("runs the work plainly and has no trace context", async () => {
    expect(currentTraceparent()).toBeNull();
    await expect(inUseCaseSpan("use-case x", {}, async () => 42)).resolves.toBe(42);
    await expect(inBackgroundRunSpan("fn", { id: "r", attempt: 0, parents: [] }, async () => "ok")).resolves.toBe("ok");
    await expect(inUseCaseSpan("use-case x", {}, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });
});

describe("with tracing", () => {
  it("hands each call to the hook, with its name, attributes and parents", async () => {
    const calls: unknown[] = [];
    g[TRACING] = {
      traceparent: () => "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
      useCase: (name: string, attributes: unknown, work: () => Promise<unknown>) => (
        calls.push({ name, attributes }),
        work()
      ),
      backgroundRun: (name: string, options: unknown, work: () => Promise<unknown>) => (
        calls.push({ name, options }),
        work()
      ),
    };
    expect(currentTraceparent()).toBe("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    await expect(inUseCaseSpan("use-case deliveries.create", { "app.actor": "api_key" }, async () => 1)).resolves.toBe(
      1,
    );
    await expect(
      inBackgroundRunSpan("delivery-webhooks", { id: "run-1", attempt: 2, parents: ["a", null] }, async () => 2),
    ).resolves.toBe(2);
    expect(calls).toEqual([
      { name: "use-case deliveries.create", attributes: { "app.actor": "api_key" } },
      {
        name: "background.run delivery-webhooks",
        options: {
          attributes: {
            "background.function": "delivery-webhooks",
            "background.run_id": "run-1",
            "background.attempt": 2,
          },
          parents: ["a", null],
        },
      },
    ]);
  });
});
