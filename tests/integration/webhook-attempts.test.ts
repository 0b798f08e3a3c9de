// One webhook attempt: a total deadline however slowly the receiver trickles, one
// message for every way a connection can fail (so the platform is no port prober), and test
// events limited per partner. Receivers listen on loopback (WEBHOOK_ALLOW_PRIVATE_TARGETS in tests).
import { randomUUID } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { createPartner } from "@/lib/partners/create-partner";
import { createWebhookEndpoint, sendTestWebhook } from "@/lib/webhooks/manage-endpoint";
import { CONNECTION_FAILED, postSignedWebhook } from "@/lib/webhooks/post";
import { newWebhookSecret, signWebhook } from "@/lib/webhooks/signature";
import { freePort } from "../support/app-server";
import { startReceiver, type Receiver } from "./background-support";
import { OPERATOR_ACTOR } from "@/lib/auth/actor";

const DEADLINE_MS = 1000;

/** A raw TCP receiver that reads the request and then does `behave` with the socket. */
async function rawReceiver(behave: (socket: Socket) => void): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.once("data", () => behave(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hook`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Writes `text` one byte every 100 ms (well inside any idle timeout), forever unless stopped. */
function trickle(socket: Socket, text: string) {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed) return clearInterval(timer);
    socket.write(text[i++ % text.length]);
  }, 100);
  socket.on("close", () => clearInterval(timer));
}

const post = (url: string, timeoutMs = DEADLINE_MS) =>
  postSignedWebhook({
    url,
    signature: signWebhook({ id: randomUUID(), body: "{}", secrets: [newWebhookSecret()] }),
    body: "{}",
    timeoutMs,
    allowPrivate: true,
  });

describe("a webhook attempt", () => {
  it.each([
    ["its status line and headers", (s: Socket) => trickle(s, "HTTP/1.1 200 OK\r\nX-Padding: " + "a".repeat(500))],
    [
      "its body",
      (s: Socket) => {
        s.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
        trickle(s, "x");
      },
    ],
  ])("is cut at the total deadline when the receiver trickles %s", async (_what, behave) => {
    const receiver = await rawReceiver(behave);
    try {
      const started = performance.now();
      const result = await post(receiver.url);
      const elapsed = performance.now() - started;
      expect(result).toMatchObject({ ok: false, responseStatus: null, error: CONNECTION_FAILED });
      expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 5);
      expect(elapsed).toBeLessThan(DEADLINE_MS + 1500);
      console.info(`trickling ${_what}: cut after ${elapsed.toFixed(0)} ms (deadline ${DEADLINE_MS} ms)`);
    } finally {
      await receiver.close();
    }
  });

  it("reports refused, silent and unresolvable targets with one and the same message", async () => {
    const silent = await rawReceiver(() => {}); // accepts, reads, never answers
    const reset = await rawReceiver((s) => s.resetAndDestroy());
    try {
      const results = await Promise.all([
        post(`http://127.0.0.1:${await freePort()}/hook`), // nothing listens: refused
        post(silent.url),
        post(reset.url),
        post("http://no-such-host.invalid/hook"),
      ]);
      for (const result of results) {
        expect(result).toMatchObject({ ok: false, responseStatus: null, error: CONNECTION_FAILED });
      }
    } finally {
      await Promise.all([silent.close(), reset.close()]);
    }
  });

  it("still records the status of a complete answer", async () => {
    const receiver = await startReceiver(() => ({ status: 503 }));
    try {
      expect(await post(`${receiver.url}/hook`)).toMatchObject({ ok: false, responseStatus: 503, error: "HTTP 503" });
    } finally {
      await receiver.close();
    }
  });
});

describe("test events", () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver(() => ({ status: 204 }));
  });
  afterAll(() => receiver.close());

  it("are limited per partner, and one partner's use leaves another's alone", async () => {
    const partnerActor = async (): Promise<{ actor: Actor; id: string }> => {
      const partner = await createPartner({
        actor: OPERATOR_ACTOR,
        input: { name: `Hooks ${randomUUID().slice(0, 8)}` },
      });
      const actor: Actor = {
        kind: "USER",
        id: randomUUID(),
        role: "PARTNER",
        partnerId: partner.id,
        email: "p@test.example",
      };
      const { id } = await createWebhookEndpoint({
        actor,
        input: { url: `${receiver.url}/hook`, events: ["delivery.created"] },
      });
      return { actor, id };
    };
    const [busy, quiet] = await Promise.all([partnerActor(), partnerActor()]);
    const limit = env().RATE_LIMIT_WEBHOOK_TESTS_PER_PARTNER;
    for (let i = 0; i < limit; i++) expect((await sendTestWebhook(busy)).ok).toBe(true);
    const sent = receiver.requests.length;
    await expect(sendTestWebhook(busy)).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/Too many test events; try again in \d+ s/),
    });
    expect(receiver.requests.length).toBe(sent); // refused before any request left
    expect((await sendTestWebhook(quiet)).ok).toBe(true);
  });
});
