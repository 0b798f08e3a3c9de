// @ts-check
// The production HTTP server (`npm start` runs it through run.ts): Next.js's own request handler on
// a plain Node server, so shutdown is ours to order. On SIGTERM/SIGINT: stop accepting, let
// in-flight requests finish, then close Next.js and the database pool, then exit 0.
// Plain JavaScript on purpose: production then runs without a TypeScript loader (tsx's costs
// ~50 MB of memory and a loader thread).
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";

// A plain copy of the environment: every read of the real process.env crosses into C++ and copies
// strings, and the Inngest SDK enumerates all of it several times per function call (its
// getProcessEnv()). Measured in the embedded executor: ~16 % of the server's CPU while it drained
// a backlog. Child processes still inherit it (spawn passes process.env on).
process.env = { ...process.env };

const SHUTDOWN_GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 25_000);
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
/** @param {string} line */
const log = (line) => console.log(`▸ ${line}`);
/** A start-up failure: one line, exit code 1 (a supervisor sees it, nothing keeps running). */
const fail = (/** @type {string} */ line) => {
  console.error(`✖ ${line}`);
  process.exit(1);
};

// Auth.js would otherwise fail every sign-in and session read at request time.
if (!process.env.AUTH_SECRET) fail("AUTH_SECRET is not set: set one (e.g. `openssl rand -base64 32`).");

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
// The Docker image holds Next's standalone output: no next.config.ts (nor the compiler to load
// it), but the resolved config, which is what Next's own standalone server.js hands over too.
const standaloneManifest = path.join(dir, ".next/required-server-files.json");
if (!existsSync(path.join(dir, "next.config.ts")) && existsSync(standaloneManifest)) {
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(
    JSON.parse(readFileSync(standaloneManifest, "utf8")).config,
  );
}
const app = next({ dev: false, dir, hostname, port });
let stopping = false;
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
const server = http.createServer((req, res) => {
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
});
// Listen before preparing Next.js: a busy port ends the process within a second, before anything
// (the outbox relay, database connections) starts.
server.once("error", (/** @type {NodeJS.ErrnoException} */ error) =>
  fail(
    error.code === "EADDRINUSE"
      ? `Port ${port} on ${hostname} is already in use (EADDRINUSE): stop what listens there or set PORT.`
      : `Cannot listen on ${hostname}:${port}: ${error.code ?? error.message}`,
  ),
);
await new Promise((resolve) => server.listen(port, hostname, () => resolve(undefined)));
await app.prepare().catch((/** @type {Error} */ error) => fail(`Next.js could not start: ${error.message}`));
handle = app.getRequestHandler();
ready();
log(`Ready on http://${hostname}:${port}`);

/** @param {NodeJS.Signals} signal */
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: draining in-flight requests`);
  // What the drain is waiting for, named if the grace runs out.
  const inFlight = () =>
    `${running.size} requests in flight (${[...running]
      .slice(0, 5)
      .map((r) => `${r.method} ${r.url}`)
      .join(", ")})`;
  let waitingFor = () => `open connections to close, ${inFlight()}`;
  const force = setTimeout(() => {
    console.error(`Still waiting for ${waitingFor()} after ${SHUTDOWN_GRACE_MS} ms; exiting anyway.`);
    process.exit(1);
  }, SHUTDOWN_GRACE_MS);
  force.unref();
  // close() stops accepting and resolves once every connection has ended; idle ones end now.
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  waitingFor = inFlight;
  // Draining answers the clients still there. A handler whose client hung up has nobody to answer,
  // and Next.js can leave such a handler pending forever (seen when a load generator cut 32
  // connections at once: 3-4 list requests never settled); its database work still finishes
  // before the pool below closes, as the pool waits for connections in use.
  while ([...running].some((r) => !r.socket.destroyed)) await new Promise((resolve) => setTimeout(resolve, 50));
  if (running.size > 0) log(`Not waiting for ${running.size} requests whose client hung up`);
  // Background runs in progress get a moment to finish; the rest resume on the next start.
  waitingFor = () => "background work to stop";
  const background = /** @type {{ stopBackground?: (graceMs: number) => Promise<void> }} */ (globalThis);
  await background.stopBackground?.(Math.min(2_000, SHUTDOWN_GRACE_MS / 4));
  waitingFor = () => "Next.js to close";
  await app.close();
  // lib/db.ts caches its client on globalThis; the bundled app and this file share that object.
  waitingFor = () => "database connections to be released";
  const client = /** @type {{ db?: { $disconnect(): Promise<void> } }} */ (globalThis).db;
  await client?.$disconnect();
  log("Stopped cleanly.");
  process.exit(0);
}

process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
