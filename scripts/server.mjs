// @ts-check
// The production server (`npm start`): Next.js's handler on a plain Node server, so shutdown is ours:
// stop accepting, finish in-flight requests, close Next.js and the pool. WEB_CONCURRENCY workers
// (default one per core) share the port; background work runs in the first BACKGROUND_WORKERS of
// them (default all). Plain JS: no loader.
import cluster from "node:cluster";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createLogger } from "../lib/core/log-options.mjs";
import { publishMetricsSource, serveClusterMetrics, startRequestRecording } from "../lib/observability/http.mjs";

// A plain copy of the environment: every read of the real process.env crosses into C++ and copies
// strings, and the Inngest SDK enumerates all of it several times per function call (its
// getProcessEnv()). Measured in the embedded executor: ~16 % of the server's CPU while it drained
// a backlog. Child processes (cluster workers included) still inherit it.
process.env = { ...process.env };

const SHUTDOWN_GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 25_000);
// How long a SIGTERM keeps accepting with /api/health/ready answering 503, so that a load balancer
// probing readiness stops sending traffic before connections are refused (0: stop at once).
const SHUTDOWN_UNREADY_MS = Number(process.env.SHUTDOWN_UNREADY_MS ?? 0);
// How long a stopping process may spend sending its last spans (traces on): a collector that is
// slow or away costs the exit at most this, never SHUTDOWN_GRACE_MS.
const SHUTDOWN_TRACE_FLUSH_MS = 2_000;
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
// One worker per core the process may run on unless told (a number; 1 = no cluster). A container
// limited by a CPU quota rather than a CPU set sees the host's cores: set WEB_CONCURRENCY there.
const concurrency = process.env.WEB_CONCURRENCY || "auto";
const workers = concurrency === "auto" ? os.availableParallelism() : Number(concurrency);
// How many of the workers also run background work (the relay and the embedded executor); the
// others only serve requests and forward their outbox kicks to one that does (README "Running it").
const backgroundWorkers = Math.min(workers, Number(process.env.BACKGROUND_WORKERS || workers));
const workerId = cluster.isWorker ? cluster.worker?.id : undefined;
const logger = createLogger().child({ component: "server", ...(workerId ? { worker: workerId } : {}) });
/** @param {string} line */
const log = (line) => logger.info(line);
/**
 * A start-up failure: one line on stderr, exit code 1 (a supervisor sees it, nothing keeps running).
 * The one line this file writes for a person rather than through the logger: nothing has started
 * yet, so there is no request or component to record, and whoever ran `npm start` reads it as they
 * read scripts/run.ts's own failures, in the same form.
 */
const fail = (/** @type {string} */ line) => {
  console.error(`✖ ${line}`);
  process.exit(1);
};

// Auth.js would otherwise fail every sign-in and session read at request time.
if (!process.env.AUTH_SECRET) fail("AUTH_SECRET is not set: set one (e.g. `openssl rand -base64 32`).");
if (!Number.isInteger(workers) || workers < 1)
  fail(`WEB_CONCURRENCY must be "auto" or a whole number ≥ 1, not ${process.env.WEB_CONCURRENCY}.`);
if (!Number.isInteger(backgroundWorkers) || backgroundWorkers < 1)
  fail(`BACKGROUND_WORKERS must be a whole number ≥ 1, not ${process.env.BACKGROUND_WORKERS}.`);

if (cluster.isPrimary && workers > 1) await primary();
else await serve();

/** A busy port ends the process with one line before any worker starts. */
async function checkPort() {
  const probe = net.createServer();
  await new Promise((resolve) => {
    probe.once("error", (/** @type {NodeJS.ErrnoException} */ error) => fail(listenError(error)));
    probe.listen(port, hostname, () => probe.close(() => resolve(undefined)));
  });
}

/** @param {NodeJS.ErrnoException} error */
function listenError(error) {
  return error.code === "EADDRINUSE"
    ? `Port ${port} on ${hostname} is already in use (EADDRINUSE): stop what listens there or set PORT.`
    : `Cannot listen on ${hostname}:${port}: ${error.code ?? error.message}`;
}

/** Resolves once the port refuses connections (the shared socket closes after the last worker left it). */
async function refusing() {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, hostname === "0.0.0.0" ? "127.0.0.1" : hostname);
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (!open) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts the workers, passes signals on, relays outbox kicks to a background worker, exits once all have. */
async function primary() {
  await checkPort();
  let stopping = false;
  let failed = false;
  let readyCount = 0;
  // Workers that may still accept connections. A worker leaves it when it says it drains or when it
  // exits, whichever comes first: an idle worker can drain and exit before a busy one's message
  // arrives, and counting messages against the workers alive then never met.
  /** @type {Set<import("node:cluster").Worker>} */
  const accepting = new Set();
  let announced = false;
  const stoppedAccepting = (/** @type {import("node:cluster").Worker} */ worker) => {
    accepting.delete(worker);
    if (!stopping || announced || accepting.size > 0) return;
    announced = true;
    void refusing().then(() =>
      log(`${stopSignal}: draining in-flight requests (${workers} workers stopped accepting)`),
    );
  };
  // Counted here, not with cluster.workers: Node drops a worker from that list only once it has
  // both exited and disconnected, in either order, so on 'exit' it may still be listed. Counting
  // it then left the primary without its finish, and it ended silently when its last handle closed.
  let alive = 0;
  let stopSignal = "SIGTERM";
  /** Workers running background work, in start order: kicks go to the first one connected. */
  /** @type {Set<import("node:cluster").Worker>} */
  const background = new Set();
  /** @param {boolean} runsBackground */
  const fork = (runsBackground) => {
    const worker = cluster.fork({ BACKGROUND_WORK: runsBackground ? "on" : "off" });
    alive++;
    accepting.add(worker);
    if (runsBackground) background.add(worker);
    worker.on("message", (/** @type {{ type?: string }} */ message) => {
      if (message?.type === "ready" && ++readyCount === workers) {
        log(`Ready on http://${hostname}:${port} (${workers} workers)`);
      }
      // A create in another worker committed an outbox row: the relay runs at once, not on its timer.
      // (With none connected, a relay's timer sweeps those rows on the next start.)
      if (message?.type === "outbox:kick") {
        const to = [...background].find((w) => w.isConnected());
        to?.send(message, () => {});
      }
      if (message?.type === "draining") stoppedAccepting(worker);
    });
    worker.once("exit", (code, signal) => {
      alive--;
      const ranBackground = background.delete(worker);
      stoppedAccepting(worker);
      if (stopping) {
        if (code !== 0) {
          failed = true;
          logger.error(`Worker ${worker.id} ended with ${signal ?? `code ${code}`} while stopping.`);
        }
        if (alive === 0) finish();
        return;
      }
      // Dying before every worker was ready is a start-up failure (the worker said why); later, replace it.
      if (readyCount < workers) {
        stopping = failed = true;
        for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGKILL");
        if (alive === 0) finish();
        return;
      }
      logger.error(`Worker ${worker.id} ended (${signal ?? `code ${code}`}); starting another.`);
      readyCount--;
      fork(ranBackground);
    });
  };
  const finish = () => {
    if (!failed) log("Stopped cleanly.");
    process.exit(failed ? 1 : 0);
  };
  // One scrape of any worker answers for all of them (lib/observability/http.mjs).
  serveClusterMetrics(cluster);
  for (let i = 0; i < workers; i++) fork(i < backgroundWorkers);
  /** @param {NodeJS.Signals} signal */
  const onSignal = (signal) => {
    if (stopping) return;
    stopping = true;
    stopSignal = signal;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

/** One server process: the whole server without cluster, or one cluster worker. */
async function serve() {
  // A signal while Next.js loads is remembered and honoured once the drain can run.
  /** @type {NodeJS.Signals | undefined} */
  let early;
  const onEarlySignal = (/** @type {NodeJS.Signals} */ signal) => (early ??= signal);
  process.on("SIGTERM", onEarlySignal);
  process.on("SIGINT", onEarlySignal);
  /**
   * Like any proxy, we append the peer's address to X-Forwarded-For: the app then finds the client
   * address TRUST_PROXY hops from the end (lib/rate-limit.ts), and what a client sends itself stays
   * to the left, where it is not trusted. (Next.js only fills the header in when it is absent.)
   * @param {http.IncomingMessage} req
   */
  function appendPeer(req) {
    const peer = req.socket.remoteAddress;
    if (!peer) return;
    const sent = req.headers["x-forwarded-for"];
    req.headers["x-forwarded-for"] = sent ? `${sent}, ${peer}` : peer;
  }

  const dir = path.resolve(import.meta.dirname, "..");
  // The config the build resolved, as Next's own standalone server.js hands it over: loading
  // next.config.ts instead would load Next's TypeScript compiler (SWC) into every process, ~30 MB of
  // resident memory each, and the Docker image has neither the file nor the compiler.
  const resolvedConfig = path.join(dir, ".next/required-server-files.json");
  if (existsSync(resolvedConfig)) {
    process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(
      JSON.parse(readFileSync(resolvedConfig, "utf8")).config,
    );
  }
  // Loaded here, not at the top: the cluster primary never needs Next.js (~50 MB).
  const { default: next } = await import("next");
  const app = next({ dev: false, dir, hostname, port });
  let stopping = false;
  let unready = false;
  // Handlers still running, including those whose client hung up (their connection is already gone).
  /** @type {Set<http.IncomingMessage>} */
  const running = new Set();
  /** @type {ReturnType<typeof app.getRequestHandler>} */
  let handle;
  /** @type {(value?: unknown) => void} */
  let ready = () => {};
  const prepared = new Promise((resolve) => (ready = resolve));
  /** Connections that already carried a request (keep-alive reuse). */
  const served = new WeakSet();
  // The access log and the HTTP metrics, for pages and API routes alike.
  const recording = startRequestRecording({ dir, logger });
  publishMetricsSource(cluster.isWorker);
  const server = http.createServer((req, res) => recording.run(req, res, () => serveOne(req, res)));
  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   */
  function serveOne(req, res) {
    // Draining: the listener is closed, but a request can still arrive on a keep-alive connection
    // opened before. It is not started: a 503 tells the client (or load balancer) to retry
    // elsewhere, and the connection closes with it.
    const reused = served.has(req.socket);
    served.add(req.socket);
    // A connection accepted before the signal still gets its first request served (it was in flight).
    if (stopping && !reused) res.setHeader("connection", "close");
    else if (stopping) {
      res.writeHead(503, {
        connection: "close",
        "retry-after": "5",
        "content-type": "application/problem+json; charset=utf-8",
      });
      res.end(
        JSON.stringify({
          type: "/problems/service-unavailable",
          title: "Service unavailable",
          status: 503,
          detail: "The server is shutting down; retry in a moment.",
        }),
      );
      return;
    }
    appendPeer(req);
    running.add(req);
    prepared
      .then(() => handle(req, res))
      .finally(() => {
        running.delete(req);
      });
  }
  // Signals are ours from here on, also while Next.js prepares (a default SIGTERM would cut off
  // requests already accepted).
  process.off("SIGTERM", onEarlySignal);
  process.off("SIGINT", onEarlySignal);
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
  if (early) void shutdown(early);
  server.once("error", (/** @type {NodeJS.ErrnoException} */ error) => fail(listenError(error)));
  const listen = () => new Promise((resolve) => server.listen(port, hostname, () => resolve(undefined)));
  // One process listens before preparing Next.js: a busy port ends it within a second, before
  // anything (the outbox relay, database connections) starts. A cluster worker (the primary
  // checked the port) listens once prepared, so that no connection waits on a worker still loading.
  if (!cluster.isWorker) await listen();
  await app.prepare().catch((/** @type {Error} */ error) => fail(`Next.js could not start: ${error.message}`));
  handle = app.getRequestHandler();
  ready();
  if (cluster.isWorker) {
    if (stopping) return;
    await listen();
    process.send?.({ type: "ready" });
  } else log(`Ready on http://${hostname}:${port}`);

  /** @param {NodeJS.Signals} signal */
  async function shutdown(signal) {
    if (stopping) return;
    // Readiness first (lib/health.ts reads it): from now on /api/health/ready answers 503.
    /** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for("delivery-platform.draining")] = true;
    if (SHUTDOWN_UNREADY_MS > 0 && !unready) {
      unready = true;
      log(`${signal}: not ready; still accepting for ${SHUTDOWN_UNREADY_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, SHUTDOWN_UNREADY_MS));
    }
    if (stopping) return;
    stopping = true;
    // Live event streams never end by themselves: end them now (their browsers reconnect to
    // another worker or instance and replay what they missed). Set by lib/live/stream.ts.
    /** @type {{ closeLiveStreams?: () => number }} */ (globalThis).closeLiveStreams?.();
    // In a cluster the primary says it once every worker has stopped accepting.
    if (!cluster.isWorker) log(`${signal}: draining in-flight requests`);
    // What the drain is waiting for, named if the grace runs out.
    const inFlight = () =>
      `${running.size} requests in flight (${[...running]
        .slice(0, 5)
        .map((r) => `${r.method} ${r.url}`)
        .join(", ")})`;
    let waitingFor = () => `open connections to close, ${inFlight()}`;
    const force = setTimeout(() => {
      logger.error(`Still waiting for ${waitingFor()} after ${SHUTDOWN_GRACE_MS} ms; exiting anyway.`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    // close() stops accepting and resolves once every connection has ended; idle ones end now.
    const closed = server.listening
      ? new Promise((resolve) => server.close(() => resolve(undefined)))
      : Promise.resolve();
    // A cluster worker can still be handed a keep-alive connection that close() did not see idle:
    // keep closing idle ones while draining (busy ones close after their answer, see above).
    if (cluster.isWorker) setInterval(() => server.closeIdleConnections(), 50).unref();
    // Sent after close() asked the primary to drop this worker from the shared port (same channel, in order).
    if (cluster.isWorker) process.send?.({ type: "draining" });
    await closed;
    waitingFor = () => "Next.js to load";
    await prepared;
    waitingFor = inFlight;
    // Draining answers the clients still there. A handler whose client hung up has nobody to answer,
    // and Next.js can leave such a handler pending forever (seen when a load generator cut 32
    // connections at once: 3-4 list requests never settled); its database work still finishes
    // before the pool below closes, as the pool waits for connections in use.
    while ([...running].some((r) => !r.socket.destroyed)) await new Promise((resolve) => setTimeout(resolve, 50));
    if (running.size > 0) log(`Not waiting for ${running.size} requests whose client hung up`);
    // Background runs in progress get a moment to finish; the rest resume on the next start.
    waitingFor = () => "background work to stop";
    // Set by lib/background/start.ts inside Next's bundle; globalThis is the one object this file shares with it.
    const background = /** @type {{ stopBackground?: (graceMs: number) => Promise<void> }} */ (globalThis);
    await background.stopBackground?.(Math.min(2_000, SHUTDOWN_GRACE_MS / 4));
    waitingFor = () => "Next.js to close";
    await app.close();
    // lib/db.ts caches its client on globalThis; the bundled app and this file share that object.
    waitingFor = () => "database connections to be released";
    const client = /** @type {{ db?: { $disconnect(): Promise<void> } }} */ (globalThis).db;
    await client?.$disconnect();
    // Last: the spans of everything above (the drained requests, the background work's end).
    waitingFor = () => "the last spans to be sent";
    await flushTraces();
    if (!cluster.isWorker) log("Stopped cleanly.");
    process.exit(0);
  }
}

/**
 * Sends the spans still queued (traces on: lib/observability/tracing.mjs put its hook on
 * globalThis), ending the SDK's batch processor, within SHUTDOWN_TRACE_FLUSH_MS. Without it the
 * spans of a process's last second (OTEL_BSP_SCHEDULE_DELAY) would be lost with it.
 */
async function flushTraces() {
  const tracing = /** @type {{ shutdown?: () => Promise<void> } | undefined} */ (
    /** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for("delivery-platform.tracing")]
  );
  if (!tracing?.shutdown) return;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const bound = new Promise((resolve) => (timer = setTimeout(() => resolve("timeout"), SHUTDOWN_TRACE_FLUSH_MS)));
  const outcome = await Promise.race([
    tracing.shutdown().then(
      () => "sent",
      (/** @type {Error} */ error) => `failed: ${error?.message ?? error}`,
    ),
    bound,
  ]);
  clearTimeout(timer);
  if (outcome === "timeout")
    logger.warn(`The last spans were not sent within ${SHUTDOWN_TRACE_FLUSH_MS} ms (the collector is slow or away).`);
  else if (outcome !== "sent") logger.warn(`The last spans were not sent (${outcome}).`);
}
