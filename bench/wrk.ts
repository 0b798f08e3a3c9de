// The load generators: wrk (C, one thread) when installed, leaving the cores to the server and
// PostgreSQL; autocannon otherwise. Requests are generated up front and replayed by a Lua script;
// UNIQUE in a path or body becomes a per-request counter.
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import type { Measured } from "./stats";

export interface Req {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Replaced by a counter in every request (wrk) so that bodies stay unique however long the run. */
export const UNIQUE = "@@N@@";

export const hasWrk = () => spawnSync("wrk", ["--version"]).error === undefined;

const LUA = String.raw`
local reqs, pre, unique = {}, {}, {}
local i, n = 0, 0
local run = os.getenv("BENCH_RUN") or "0"
for line in io.lines(os.getenv("BENCH_REQUESTS")) do
  local m, p, h, b = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
  local headers = {}
  for k, v in h:gmatch("([^\1]+)\2([^\1]*)") do headers[k] = v end
  if b == "" then b = nil end
  local k = #reqs + 1
  reqs[k] = { m, p, headers, b }
  if line:find("@@N@@", 1, true) then unique[k] = true end
end
-- Formatted in init, once wrk has set its default headers (Host) on the thread.
init = function(args)
  for k, r in ipairs(reqs) do
    if not unique[k] then pre[k] = wrk.format(r[1], r[2], r[3], r[4]) end
  end
end
request = function()
  i = i % #reqs + 1
  if not unique[i] then return pre[i] end
  n = n + 1
  local s = run .. "-" .. n
  local r = reqs[i]
  local p = r[2]:gsub("@@N@@", s)
  local b = r[4] and (r[4]:gsub("@@N@@", s)) or nil
  return wrk.format(r[1], p, r[3], b)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\nWRK_JSON {"requests":%d,"duration":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%.0f,"p99":%.0f}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;

function serialise(requests: Req[]): string {
  // Fields by tab, header pairs by \x01 and \x02: none of them occurs in JSON bodies or headers.
  return requests
    .map((r) => {
      const headers = Object.entries(r.headers)
        .map(([k, v]) => `${k}\x02${v}`)
        .join("\x01");
      return `${r.method}\t${r.path}\t${headers}\t${r.body ?? ""}`;
    })
    .join("\n");
}

let runs = 0;

export async function wrk(
  url: string,
  connections: number,
  seconds: number,
  next: () => Req,
  scratch: string,
): Promise<Measured> {
  const count = 30_000;
  const requests = Array.from({ length: count }, next);
  const file = path.join(scratch, "requests.tsv");
  const script = path.join(scratch, "replay.lua");
  writeFileSync(file, serialise(requests));
  writeFileSync(script, LUA);
  const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "-s", script, url];
  const run = `${process.pid.toString(36)}${Date.now().toString(36)}${runs++}`;
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn("wrk", args, { env: { ...process.env, BENCH_REQUESTS: file, BENCH_RUN: run } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`wrk exited with ${code}: ${out}`))));
  });
  const line = /WRK_JSON (\{.*\})/.exec(output);
  if (!line) throw new Error(`no result from wrk: ${output}`);
  const r = JSON.parse(line[1]) as Record<string, number>;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    requestsPerSec: round(r.requests / (r.duration / 1e6)),
    p50Ms: round(r.p50 / 1000),
    p99Ms: round(r.p99 / 1000),
    errors: r.connect + r.read + r.write + r.timeout,
    // wrk counts answers of 400 and above as "status" errors
    non2xx: r.status,
    total: r.requests,
  };
}

export async function cannon(url: string, connections: number, seconds: number, next: () => Req): Promise<Measured> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => {
          const r = next();
          const ref = Math.random().toString(36).slice(2);
          return { ...req, ...r, path: r.path.replaceAll(UNIQUE, ref), body: r.body?.replaceAll(UNIQUE, ref) };
        },
      },
    ],
  });
  return {
    requestsPerSec: Math.round((result.requests.total / result.duration) * 100) / 100,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}
