// @ts-check
// The production HTTP server (`npm start` runs it through run.ts): Next.js's own request handler on
// a plain Node server, so shutdown is ours to order. On SIGTERM/SIGINT: stop accepting, let
// in-flight requests finish, then close Next.js and the database pool, then exit 0.
// Plain JavaScript on purpose: production then runs without a TypeScript loader (tsx's costs
// ~50 MB of memory and a loader thread).
import http from "node:http";
import path from "node:path";
import next from "next";

const SHUTDOWN_GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 25_000);
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
/** @param {string} line */
const log = (line) => console.log(`▸ ${line}`);

const app = next({ dev: false, dir: path.resolve(import.meta.dirname, ".."), hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

let stopping = false;
// Handlers still running, including those whose client hung up (their connection is already gone).
let running = 0;
/** @type {(() => void) | undefined} */
let idle;
const server = http.createServer((req, res) => {
  // Keep-alive connections must not outlive the drain: answer, then close.
  if (stopping) res.setHeader("connection", "close");
  running++;
  handle(req, res).finally(() => {
    if (--running === 0) idle?.();
  });
});
server.listen(port, hostname, () => log(`Ready on http://${hostname}:${port}`));

/** @param {NodeJS.Signals} signal */
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: draining in-flight requests`);
  const force = setTimeout(() => {
    console.error(`Requests still running after ${SHUTDOWN_GRACE_MS} ms; exiting anyway.`);
    process.exit(1);
  }, SHUTDOWN_GRACE_MS);
  force.unref();
  // close() stops accepting and resolves once every connection has ended; idle ones end now.
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  if (running > 0) await new Promise((resolve) => (idle = () => resolve(undefined)));
  // Background runs in progress get a moment to finish; the rest resume on the next start.
  const background = /** @type {{ stopBackground?: (graceMs: number) => Promise<void> }} */ (globalThis);
  await background.stopBackground?.(Math.min(2_000, SHUTDOWN_GRACE_MS / 4));
  await app.close();
  // lib/db.ts caches its client on globalThis; the bundled app and this file share that object.
  const client = /** @type {{ db?: { $disconnect(): Promise<void> } }} */ (globalThis).db;
  await client?.$disconnect();
  log("Stopped cleanly.");
  process.exit(0);
}

process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
