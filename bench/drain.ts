// The "background drain" scenario: creates at a steady rate, every partner's webhook on a loopback
// receiver, and for each create the time from its 201 to its delivery.created webhook: intake is
// what the API took, drain how fast the side effects followed.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { uniqueRef } from "./ceiling";
import { createPayload } from "./scenarios";

export interface DrainRun {
  ratePerSec: number;
  seconds: number;
  creates: number;
  intakePerSec: number;
  /** From the first create to the last webhook, in creates per second. */
  drainPerSec: number;
  /** Seconds after the last create until the last webhook arrived. */
  tailSeconds: number;
  commitToWebhookMs: { p50: number; p95: number; p99: number; max: number };
  webhooksMissing: number;
}

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;

export async function drainScenario(
  url: string,
  databaseUrl: string,
  keys: string[],
  { ratePerSec, seconds }: { ratePerSec: number; seconds: number },
): Promise<DrainRun> {
  const arrivals = new Map<string, number>();
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const at = performance.now();
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
          type: string;
          data: { deliveryId: string };
        };
        if (body.type === "delivery.created" && !arrivals.has(body.data.deliveryId))
          arrivals.set(body.data.deliveryId, at);
      } catch {
        // not ours
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  // One endpoint per partner, subscribed to every event, replacing any an earlier scenario left.
  await client.query(`DELETE FROM "WebhookEndpoint"`);
  await client.query(
    `INSERT INTO "WebhookEndpoint" ("id", "partnerId", "url", "events", "secret", "updatedAt")
     SELECT gen_random_uuid(), "id", $1, $2, $3, now() FROM "Partner"`,
    [
      hookUrl,
      ["delivery.created", "delivery.status_changed", "delivery.assigned"],
      `whsec_${randomBytes(32).toString("base64")}`,
    ],
  );
  await client.end();

  const committed = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const started = performance.now();
  const total = ratePerSec * seconds;
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / ratePerSec;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      fetch(`${url}/api/v1/deliveries`, {
        method: "POST",
        headers: { authorization: `Bearer ${keys[i % keys.length]}`, "content-type": "application/json" },
        body: JSON.stringify(createPayload(`DRAIN-${uniqueRef()}-${i}`)),
      }).then(async (res) => {
        const at = performance.now();
        const body = (await res.json()) as { id?: string };
        if (res.status === 201 && body.id) committed.set(body.id, at);
      }),
    );
  }
  await Promise.all(pending);
  const lastCreate = performance.now();
  for (const deadline = Date.now() + 300_000; Date.now() < deadline;) {
    if ([...committed.keys()].every((id) => arrivals.has(id))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((resolve) => receiver.close(resolve));
  const latencies = [...committed].flatMap(([id, at]) => {
    const arrived = arrivals.get(id);
    return arrived === undefined ? [] : [Math.max(0, arrived - at)];
  });
  latencies.sort((a, b) => a - b);
  const lastArrival = Math.max(...[...committed.keys()].map((id) => arrivals.get(id) ?? 0));
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    ratePerSec,
    seconds,
    creates: committed.size,
    intakePerSec: round(committed.size / ((lastCreate - started) / 1000)),
    drainPerSec: round(latencies.length / ((lastArrival - started) / 1000)),
    tailSeconds: round((lastArrival - lastCreate) / 1000),
    commitToWebhookMs: {
      p50: Math.round(quantile(latencies, 0.5)),
      p95: Math.round(quantile(latencies, 0.95)),
      p99: Math.round(quantile(latencies, 0.99)),
      max: Math.round(latencies.at(-1) ?? NaN),
    },
    webhooksMissing: committed.size - latencies.length,
  };
}
