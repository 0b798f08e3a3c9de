// Fixtures for background-work tests: loopback HTTP receivers (standing in for Inngest's event
// API, Resend and partner webhook endpoints), an Inngest client aimed at one, and outbox helpers.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { makeWorkerUtils } from "graphile-worker";
import { Inngest } from "inngest";
import { db } from "@/lib/db";

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** What the next requests are answered with; change it between steps of a test. */
  respond: (req: ReceivedRequest) => { status: number; body?: unknown; delayMs?: number };
  close(): Promise<void>;
}

export async function startReceiver(
  respond: Receiver["respond"] = () => ({ status: 200, body: {} }),
): Promise<Receiver> {
  const receiver = { requests: [] as ReceivedRequest[], respond } as Receiver;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const request = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      receiver.requests.push(request);
      const answer = receiver.respond(request);
      if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}

/** A stand-in for Inngest's event API (`POST /e/<key>` → `{ ids, status: 200 }`). */
export function startInngestEventApi(): Promise<Receiver> {
  return startReceiver((req) => {
    const events = JSON.parse(req.body) as { id: string }[];
    return { status: 200, body: { ids: events.map((e) => e.id), status: 200 } };
  });
}

/** The events a receiver standing in for Inngest got, in order. */
export function receivedEvents(receiver: Receiver): { id: string; name: string; data: Record<string, unknown> }[] {
  return receiver.requests.filter((r) => r.url.startsWith("/e/")).flatMap((r) => JSON.parse(r.body));
}

/** An Inngest client in dev mode whose event API is `baseUrl`. */
export function inngestAt(baseUrl: string) {
  return new Inngest({ id: "relay-test", isDev: true, baseUrl });
}

/** A port nothing listens on: Inngest "down". */
export async function closedPortUrl(): Promise<string> {
  const r = await startReceiver();
  await r.close();
  return r.url;
}

export async function outboxRowsFor(deliveryIds: string[]) {
  return db.outboxEvent.findMany({
    where: { OR: deliveryIds.map((id) => ({ payload: { path: ["deliveryId"], equals: id } })) },
    orderBy: { createdAt: "asc" },
  });
}

/** The event an outbox row becomes, as InngestTestEngine expects it. */
export function eventOf(row: { id: string; name: string; payload: unknown }) {
  return { id: row.id, name: row.name, data: row.payload as Record<string, unknown> };
}

/**
 * The queue's retry delay is its own (e^attempt seconds, as graphile-worker schedules it); a test
 * does not wait it out: every job waiting for a retry is made due now, through the library's own
 * `rescheduleJobs`. Attempts, errors and the order of events stay the queue's.
 */
export async function hurryRetries(databaseUrl: string): Promise<() => Promise<void>> {
  const utils = await makeWorkerUtils({ connectionString: databaseUrl });
  await utils.migrate();
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const { rows } = await utils.withPgClient((client) =>
        client.query<{ id: string }>(
          `SELECT id FROM graphile_worker.jobs WHERE attempts > 0 AND locked_at IS NULL AND run_at > now()`,
        ),
      );
      if (rows.length > 0)
        await utils.rescheduleJobs(
          rows.map((r) => r.id),
          { runAt: new Date() },
        );
    } catch {
      // the next tick tries again
    } finally {
      busy = false;
    }
  }, 50);
  return async () => {
    clearInterval(timer);
    await utils.release();
  };
}

/**
 * The runs that took an event: its own (a function of one event, or a cron tick) and the batches
 * it joined (the batched delivery functions), by function id.
 */
export async function runsOfEvent(eventId: string) {
  return db.backgroundRun.findMany({
    where: { OR: [{ eventId }, { members: { some: { eventId } } }] },
    orderBy: { functionId: "asc" },
  });
}
