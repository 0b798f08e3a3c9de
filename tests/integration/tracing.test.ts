// Traces with the real parts: the built server with OTEL_EXPORTER_OTLP_ENDPOINT pointing at an
// OTLP/HTTP receiver written here (JSON encoding asked for with OTEL_EXPORTER_OTLP_PROTOCOL), a
// create over HTTP, and the spans it caused: the request, the use case, the SQL beneath it, and the
// background runs of its outbox event in the same trace. Then a collector that is not there (a
// closed port, the default protobuf exporter): creates stay fast and 2xx, the drop counter rises.
// Then no endpoint: nothing of the SDK is loaded (read from the process's own module cache), so
// nothing can be sent.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createNetServer, type Server as NetServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveryPayload, seedPartnerWithKey } from "./support";
import { freePort, startApp, startTempDatabase, type RunningApp, type TempDatabase } from "../support/app-server";

interface JsonAttribute {
  key: string;
  value: { stringValue?: string; intValue?: number | string; boolValue?: boolean };
}
interface JsonSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: JsonAttribute[];
  links?: { traceId: string; spanId: string }[];
}
interface Received {
  resourceSpans: { resource?: { attributes?: JsonAttribute[] }; scopeSpans: { spans: JsonSpan[] }[] }[];
}

const SERVER = 2; // SpanKind.SERVER in OTLP's numbering (unspecified = 0)

const attr = (span: JsonSpan, key: string) => {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue !== undefined ? Number(value.intValue) : value?.boolValue);
};

// A preload that writes, as the process exits, which modules of the SDK (and of this app's tracing
// file's dependencies) are in its CommonJS module cache, and whether the tracing hook exists.
const PRELOAD = `
const { writeFileSync } = require("node:fs");
process.on("exit", () => {
  const loaded = Object.keys(require.cache).filter((file) =>
    /node_modules\\/(@opentelemetry\\/(sdk-trace|exporter-trace-otlp|context-async-hooks|resources)|@prisma\\/instrumentation)/.test(file));
  const hook = Boolean(globalThis[Symbol.for("delivery-platform.tracing")]);
  writeFileSync(process.env.TRACE_PROBE_OUT, JSON.stringify({ loaded, hook }));
});
`;

let database: TempDatabase;
let apiKey: string;
let tmp: string;
let preload: string;

beforeAll(async () => {
  database = await startTempDatabase("tracing");
  apiKey = await seedPartnerWithKey(database.url, "tracing-partner");
  tmp = mkdtempSync(path.join(tmpdir(), "delivery-tracing-"));
  preload = path.join(tmp, "probe.cjs");
  writeFileSync(preload, PRELOAD);
}, 120_000);

afterAll(async () => {
  await database?.destroy();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function create(app: RunningApp) {
  const started = performance.now();
  const res = await fetch(`${app.url}/api/v1/deliveries`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(deliveryPayload()),
  });
  const body = (await res.json()) as { id: string };
  return { status: res.status, id: body.id, ms: performance.now() - started };
}

async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, ms: number, what: () => string) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${ms} ms: ${what()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function probe(app: RunningApp, out: string) {
  await app.stop("SIGTERM");
  return JSON.parse(readFileSync(out, "utf8")) as { loaded: string[]; hook: boolean };
}

/** The value of one counter's series summed, read from the server's own /api/metrics (loopback). */
async function counterValue(app: RunningApp, name: string): Promise<number> {
  const text = await (await fetch(`${app.url}/api/metrics`)).text();
  return text
    .split("\n")
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
}

/** An OTLP/HTTP receiver (JSON encoding) on loopback: every span posted to /v1/traces goes into `spans`. */
async function startReceiver(port: number, spans: JsonSpan[], serviceNames = new Set<string>()): Promise<Server> {
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (req.method === "POST" && req.url === "/v1/traces") {
        const received = JSON.parse(body) as Received;
        for (const rs of received.resourceSpans) {
          const name = rs.resource?.attributes?.find((a) => a.key === "service.name")?.value.stringValue;
          if (name) serviceNames.add(name);
          for (const ss of rs.scopeSpans) spans.push(...ss.spans);
        }
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(port, "127.0.0.1", resolve));
  return receiver;
}

describe("traces sent to an OTLP/HTTP receiver", () => {
  let receiver: Server;
  let app: RunningApp;
  const spans: JsonSpan[] = [];
  const serviceNames = new Set<string>();
  const out = () => path.join(tmp, "on.json");

  beforeAll(async () => {
    const port = await freePort();
    receiver = await startReceiver(port, spans, serviceNames);
    app = await startApp({
      databaseUrl: database.url,
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        OTEL_SERVICE_NAME: "delivery-test",
        OTEL_BSP_SCHEDULE_DELAY: "100",
        NODE_OPTIONS: `--require ${preload}`,
        TRACE_PROBE_OUT: out(),
      },
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop("SIGKILL");
    receiver?.close();
  });

  it("links the request, its use case, the SQL and the background runs in one trace", { timeout: 60_000 }, async () => {
    const created = await create(app);
    expect(created.status).toBe(201);

    const byId = () => new Map(spans.map((s) => [s.spanId, s]));
    const ancestors = (span: JsonSpan) => {
      const all = byId();
      const chain: JsonSpan[] = [];
      for (let p = span.parentSpanId && all.get(span.parentSpanId); p; p = p.parentSpanId && all.get(p.parentSpanId))
        chain.push(p);
      return chain;
    };
    const request = await eventually(
      () =>
        spans.find(
          (s) => s.kind === SERVER && s.name === "POST /api/v1/deliveries" && attr(s, "http.status_code") === 201,
        ),
      20_000,
      () => `no server span for the create among ${spans.map((s) => s.name).join(", ")}`,
    );
    expect(attr(request, "http.route")).toBe("/api/v1/deliveries");
    // Never the raw path with an id or a query in it.
    expect(spans.filter((s) => s.kind === SERVER).every((s) => !s.name.includes(created.id))).toBe(true);

    const useCase = await eventually(
      () => spans.find((s) => s.traceId === request.traceId && s.name === "use-case deliveries.create"),
      20_000,
      () => `no use-case span in the request's trace: ${spans.map((s) => s.name).join(", ")}`,
    );
    expect(ancestors(useCase)).toContainEqual(request);
    expect(attr(useCase, "http.response.status_code")).toBe(201);
    expect(attr(useCase, "app.actor")).toBe("api_key");

    // Prisma's spans under the use case, down to the statements the driver adapter ran.
    const sql = spans.filter((s) => s.name === "prisma:client:db_query" && ancestors(s).includes(useCase));
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.some((s) => String(attr(s, "db.query.text") ?? "").includes('INSERT INTO "OutboxEvent"'))).toBe(true);

    // The background runs of the create's event: children of the request's span tree, or (a batch) linked to it.
    const runs = await eventually(
      () => {
        const found = spans.filter(
          (s) =>
            s.name.startsWith("background.run ") &&
            (s.traceId === request.traceId || s.links?.some((l) => l.traceId === request.traceId)),
        );
        return found.length >= 2 ? found : undefined;
      },
      30_000,
      () => `no background run spans for the trace: ${spans.map((s) => s.name).join(", ")}`,
    );
    for (const run of runs) {
      if (run.traceId === request.traceId) expect(ancestors(run)).toContainEqual(request);
      else expect(run.links?.some((l) => l.traceId === request.traceId && byId().has(l.spanId))).toBe(true);
    }
    expect(serviceNames).toEqual(new Set(["delivery-test"]));
  });
  it("links a batched run to every request whose event it took", { timeout: 60_000 }, async () => {
    // Creates at once: their events reach the batched functions together, one run for many.
    const created = await Promise.all(Array.from({ length: 8 }, () => create(app)));
    expect(created.map((c) => c.status)).toEqual(Array(8).fill(201));
    const traces = await eventually(
      () => {
        const found = spans.filter((s) => s.kind === SERVER && s.name === "POST /api/v1/deliveries");
        return found.length >= 9 ? new Set(found.map((s) => s.traceId)) : undefined;
      },
      20_000,
      () => "not every create's server span arrived",
    );
    const batched = await eventually(
      () => spans.find((s) => s.name.startsWith("background.run ") && (s.links?.length ?? 0) >= 2),
      30_000,
      () =>
        `no background run linked to several requests: ${spans.filter((s) => s.name.startsWith("background")).length} runs`,
    );
    // A root of its own, linked to each parent's span in that parent's trace.
    expect(batched.parentSpanId ?? "").toBe("");
    for (const link of batched.links!) {
      expect(traces.has(link.traceId)).toBe(true);
      expect(spans.find((s) => s.spanId === link.spanId)?.traceId).toBe(link.traceId);
    }
  });

  it("loaded the SDK and Prisma's instrumentation (the probe the last test relies on)", async () => {
    const loaded = await probe(app, out());
    expect(loaded.hook).toBe(true);
    expect(loaded.loaded.some((f) => f.includes("@opentelemetry/sdk-trace-base"))).toBe(true);
    expect(loaded.loaded.some((f) => f.includes("@prisma/instrumentation"))).toBe(true);
  });
});

describe("a collector that is not there", () => {
  let app: RunningApp;

  beforeAll(async () => {
    const closed = await freePort(); // nothing listens there
    app = await startApp({
      databaseUrl: database.url,
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${closed}`, OTEL_BSP_SCHEDULE_DELAY: "100" },
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop("SIGKILL");
  });

  it("answers creates fast and counts the spans it could not send", { timeout: 60_000 }, async () => {
    await create(app); // warm up the route
    const before = await counterValue(app, "otel_spans_dropped_total");
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await create(app));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    // No request waits on the exporter: each well under the exporter's 5 s timeout.
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(2_000);
    await eventually(
      async () => ((await counterValue(app, "otel_spans_dropped_total")) > before + 10 ? true : undefined),
      20_000,
      () => "otel_spans_dropped_total did not rise",
    );
    expect(await counterValue(app, "otel_spans_exported_total")).toBe(0);
  });
});

describe("a collector that accepts connections and never answers", () => {
  let app: RunningApp;
  let silent: NetServer;
  const held: Socket[] = [];

  beforeAll(async () => {
    const port = await freePort();
    silent = createNetServer((socket) => held.push(socket)); // reads nothing, answers nothing
    await new Promise<void>((resolve) => silent.listen(port, "127.0.0.1", resolve));
    app = await startApp({
      databaseUrl: database.url,
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
        OTEL_BSP_SCHEDULE_DELAY: "100",
        OTEL_EXPORTER_OTLP_TIMEOUT: "1000",
        OTEL_BSP_EXPORT_TIMEOUT: "1000",
      },
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop("SIGKILL");
    for (const socket of held) socket.destroy();
    silent?.close();
  });

  it("keeps requests fast while exports hang, and counts the spans they lost", { timeout: 60_000 }, async () => {
    await create(app);
    const before = await counterValue(app, "otel_spans_dropped_total");
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await create(app));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(2_000);
    expect(held.length).toBeGreaterThan(0); // the exporter did try
    await eventually(
      async () => ((await counterValue(app, "otel_spans_dropped_total")) > before + 10 ? true : undefined),
      20_000,
      () => "otel_spans_dropped_total did not rise while exports timed out",
    );
  });
});

describe("no OTLP endpoint", () => {
  it("loads nothing of the SDK and sends nothing", { timeout: 120_000 }, async () => {
    const out = path.join(tmp, "off.json");
    // The other OTEL_* variables alone turn nothing on.
    const app = await startApp({
      databaseUrl: database.url,
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: "",
        OTEL_SERVICE_NAME: "delivery-test",
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        NODE_OPTIONS: `--require ${preload}`,
        TRACE_PROBE_OUT: out,
      },
    });
    try {
      expect((await create(app)).status).toBe(201);
      const metrics = await (await fetch(`${app.url}/api/metrics`)).text();
      expect(metrics).not.toContain("otel_spans_");
      expect(await probe(app, out)).toEqual({ loaded: [], hook: false });
    } finally {
      await app.stop("SIGKILL");
    }
  });
});

/** The access log's lines: which worker (pid) answered which request id. */
const accessLines = (app: RunningApp) =>
  app
    .logs()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { msg: string; component: string; pid: number; requestId: string })
    .filter((line) => line.component === "http" && line.msg === "request");

/** A sampled W3C traceparent of the test's own, so that a request's spans are found by its trace id. */
const ownTrace = () => {
  const traceId = randomBytes(16).toString("hex");
  return { traceId, traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01` };
};

describe("a SIGTERM right after the requests (two workers)", () => {
  it("sends every worker's last spans before exiting", { timeout: 120_000 }, async () => {
    const spans: JsonSpan[] = [];
    const port = await freePort();
    const receiver = await startReceiver(port, spans);
    const app = await startApp({
      databaseUrl: database.url,
      env: {
        WEB_CONCURRENCY: "2",
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        // No batch leaves on the timer while the test runs: what arrives was sent by the shutdown.
        OTEL_BSP_SCHEDULE_DELAY: "600000",
      },
    });
    try {
      const requests = Array.from({ length: 6 }, (_, i) => ({ ...ownTrace(), requestId: `flush-${i}-${Date.now()}` }));
      for (const r of requests) {
        // A new connection each: the primary hands them to the workers in turn.
        const res = await fetch(`${app.url}/api/v1/deliveries`, {
          headers: {
            authorization: `Bearer ${apiKey}`,
            traceparent: r.traceparent,
            "x-request-id": r.requestId,
            connection: "close",
          },
        });
        expect(res.status).toBe(200);
        await res.text();
      }
      const before = spans.length;
      expect(await app.stop("SIGTERM")).toBe(0);
      expect(spans.length).toBeGreaterThan(before);
      // Both workers served some of them, and every request's server span arrived.
      const served = accessLines(app).filter((l) => requests.some((r) => r.requestId === l.requestId));
      expect(new Set(served.map((l) => l.pid)).size).toBe(2);
      for (const r of requests) {
        expect(
          spans.some((s) => s.traceId === r.traceId && s.kind === SERVER),
          `no server span of ${r.requestId}`,
        ).toBe(true);
      }
      expect(app.logs()).not.toContain("last spans were not sent");
    } finally {
      await app.stop("SIGKILL");
      receiver.close();
    }
  });
});

describe("a SIGTERM with the collector away", () => {
  it("exits within the flush bound while exports hang", { timeout: 120_000 }, async () => {
    const port = await freePort();
    const held: Socket[] = [];
    const silent = createNetServer((socket) => held.push(socket)); // reads nothing, answers nothing
    await new Promise<void>((resolve) => silent.listen(port, "127.0.0.1", resolve));
    const app = await startApp({
      databaseUrl: database.url,
      env: {
        WEB_CONCURRENCY: "2",
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
        OTEL_BSP_SCHEDULE_DELAY: "600000",
        // Unbounded, an export would hold each worker for 10 s.
        OTEL_EXPORTER_OTLP_TIMEOUT: "10000",
        OTEL_BSP_EXPORT_TIMEOUT: "10000",
      },
    });
    try {
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${app.url}/api/v1/deliveries`, {
          headers: { authorization: `Bearer ${apiKey}`, connection: "close" },
        });
        expect(res.status).toBe(200);
        await res.text();
      }
      const started = performance.now();
      expect(await app.stop("SIGTERM")).toBe(0);
      const ms = performance.now() - started;
      expect(held.length).toBeGreaterThan(0); // the shutdown did try to send
      // The 2 s bound, plus the drain itself (closing Next.js and the pool: well under a second).
      expect(ms).toBeLessThan(3_500);
      expect(ms).toBeGreaterThanOrEqual(2_000);
      expect(app.logs()).toContain("The last spans were not sent within 2000 ms");
    } finally {
      await app.stop("SIGKILL");
      for (const socket of held) socket.destroy();
      silent.close();
    }
  });
});
