// The "live streams" scenario: N open event streams (GET /api/v1/live) on the running server, the
// resident memory they cost (all server processes, before and after), and how long one change
// takes to reach every one of them. Streams are spread over the seeded partners' keys; each
// partner's streams should hear that partner's change, and only those.
import { processTree } from "./proc";
import { readFileSync } from "node:fs";
import { createPayload } from "./scenarios";

export interface LiveRun {
  streams: number;
  /** Resident memory of all server processes, before opening and with every stream open. */
  rssBeforeMb: number;
  rssOpenMb: number;
  kbPerStream: number;
  /** From the create's 201 to its event on each stream of that partner. */
  fanOutMs: { p50: number; max: number; heard: number; expected: number };
  /** Streams still counted by the server 2 s after every client left. */
  leftOpen: number;
}

function rssKb(pid: number): number {
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return total;
}

async function liveStreamsOpen(url: string): Promise<number> {
  const text = await (await fetch(`${url}/api/metrics`)).text();
  return Number(/^live_streams_open (\d+)/m.exec(text)?.[1] ?? NaN);
}

export async function liveScenario(url: string, serverPid: number, keys: string[], streams = 500): Promise<LiveRun> {
  const rssBefore = rssKb(serverPid);
  const controllers: AbortController[] = [];
  /** Per stream: when each delivery's first event arrived. */
  const heard: Map<string, number>[] = [];
  const readers: Promise<void>[] = [];
  const ready: Promise<void>[] = [];
  for (let i = 0; i < streams; i++) {
    const key = keys[i % keys.length];
    const controller = new AbortController();
    controllers.push(controller);
    const mine = new Map<string, number>();
    heard.push(mine);
    let markReady = () => {};
    ready.push(new Promise<void>((r) => (markReady = r)));
    readers.push(
      (async () => {
        const res = await fetch(`${url}/api/v1/live`, {
          headers: { authorization: `Bearer ${key}`, accept: "text/event-stream" },
          signal: controller.signal,
        });
        if (res.status !== 200) throw new Error(`stream ${i}: HTTP ${res.status}`);
        const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += value;
            if (buffer.includes("event: ready")) markReady();
            for (const m of buffer.matchAll(/"deliveryId":"([0-9a-f-]{36})"/g)) {
              if (!mine.has(m[1])) mine.set(m[1], performance.now());
            }
            buffer = buffer.slice(buffer.lastIndexOf("\n\n") + 2);
          }
        } catch {
          // aborted at the end
        }
      })(),
    );
    // A few at a time, as tabs open: not one burst of 500 handshakes.
    if (i % 50 === 49) await Promise.all(ready.slice(-50));
  }
  await Promise.all(ready);
  await new Promise((r) => setTimeout(r, 2_000));
  const rssOpen = rssKb(serverPid);

  // One change of the first partner: its streams (every keys.length-th) hear it. Timed from the
  // request, as the event can arrive before the 201 does.
  const sent = performance.now();
  const res = await fetch(`${url}/api/v1/deliveries`, {
    method: "POST",
    headers: { authorization: `Bearer ${keys[0]}`, "content-type": "application/json" },
    body: JSON.stringify(createPayload(`live-${Date.now()}`)),
  });
  const created = (await res.json()) as { id: string };
  const expected = Math.ceil(streams / keys.length);
  const arrivals = () => heard.flatMap((m) => (m.has(created.id) ? [m.get(created.id)!] : []));
  for (let waited = 0; arrivals().length < expected && waited < 10_000; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 500)); // anyone else hearing it would be a scoping bug
  const latencies = arrivals()
    .map((t) => Math.round(t - sent))
    .sort((a, b) => a - b);

  for (const c of controllers) c.abort();
  await Promise.allSettled(readers);
  await new Promise((r) => setTimeout(r, 2_000));
  return {
    streams,
    rssBeforeMb: Math.round(rssBefore / 1024),
    rssOpenMb: Math.round(rssOpen / 1024),
    kbPerStream: Math.round(((rssOpen - rssBefore) / streams) * 10) / 10,
    fanOutMs: {
      p50: latencies[Math.floor(latencies.length / 2)] ?? NaN,
      max: latencies.at(-1) ?? NaN,
      heard: latencies.length,
      expected,
    },
    leftOpen: await liveStreamsOpen(url),
  };
}
