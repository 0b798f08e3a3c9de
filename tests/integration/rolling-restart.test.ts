// Two instances of the server (separate processes over one PostgreSQL) behind HAProxy, as on two
// machines, restarted one after the other under a steady create load: the balancer retries what a
// stopping instance refuses, so no request fails; every create's webhook arrives exactly once though
// both instances run background work; the scheduled check runs once per tick, never twice, none lost.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { db } from "@/lib/db";
import { createWebhookEndpoint } from "@/lib/webhooks/manage-endpoint";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/schemas";
import { freePort, startApp, type RunningApp } from "../support/app-server";
import { startReceiver, type Receiver } from "./background-support";
import { createWorld, deliveryPayload, type World } from "./support";

const APP_ENV = {
  OUTBOX_RELAY_INTERVAL_MS: "500",
  BACKGROUND_POLL_MS: "200",
  BACKGROUND_LEASE_MS: "2000",
  WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
  // A tick a minute, so that a test of two minutes sees several.
  STUCK_CHECK_CRON: "* * * * *",
};

function haproxyConfig(front: number, backends: number[]) {
  return `global
  maxconn 512
  log stderr format raw local0 info
defaults
  mode http
  log global
  option httplog
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  # A loaded machine answers a health check slowly; a stopped instance refuses it at once.
  timeout check 3s
  # A stopping instance refuses new connections and answers 503 on reused ones, having started
  # nothing: both are safe to send elsewhere, POSTs included.
  option http-buffer-request
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response 503
frontend app
  bind 127.0.0.1:${front}
  default_backend instances
backend instances
  balance roundrobin
  option httpchk GET /api/health
${backends.map((port, i) => `  server i${i + 1} 127.0.0.1:${port} check inter 500ms fall 2 rise 2`).join("\n")}
`;
}

let world: World;
let hooks: Receiver;
let dir: string;
let balancer: ChildProcess;
const instances: RunningApp[] = [];

beforeAll(async () => {
  world = await createWorld();
  hooks = await startReceiver(() => ({ status: 204 }));
  await createWebhookEndpoint({
    actor: {
      kind: "USER",
      id: world.partnerA.userId,
      role: "PARTNER",
      partnerId: world.partnerA.id,
      email: "a@test.example",
    },
    input: { url: `${hooks.url}/hooks`, events: [...WEBHOOK_EVENT_TYPES] },
  });
});
afterAll(async () => {
  balancer?.kill("SIGTERM");
  await Promise.all(instances.map((app) => app.stop("SIGKILL")));
  await hooks?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("two instances behind HAProxy", () => {
  it(
    "restart one at a time under load: nothing fails, side effects once each, one run per tick",
    { timeout: 300_000 },
    async () => {
      const databaseUrl = inject("databaseUrl");
      const ports = [await freePort(), await freePort()];
      const front = await freePort();
      for (const port of ports) instances.push(await startApp({ databaseUrl, port, env: APP_ENV, echo: true }));
      const bothUp = Date.now();
      dir = mkdtempSync(path.join(tmpdir(), "delivery-haproxy-"));
      writeFileSync(path.join(dir, "haproxy.cfg"), haproxyConfig(front, ports));
      let balancerLog = "";
      balancer = spawn("haproxy", ["-db", "-f", path.join(dir, "haproxy.cfg")], { stdio: ["ignore", "pipe", "pipe"] });
      balancer.stderr!.on("data", (d) => (balancerLog += d));
      const lb = `http://127.0.0.1:${front}`;
      for (let up = false; !up; await new Promise((r) => setTimeout(r, 100)))
        up = await fetch(`${lb}/api/health`).then(
          (r) => r.ok,
          () => false,
        );

      // Steady load: four clients, each a create every 100 ms, each with its own idempotency key.
      const outcomes: string[] = [];
      const created: string[] = [];
      let loading = true;
      const client = async () => {
        while (loading) {
          const answer = await fetch(`${lb}/api/v1/deliveries`, {
            method: "POST",
            headers: {
              authorization: `Bearer ${world.partnerA.apiKey}`,
              "content-type": "application/json",
              "idempotency-key": randomUUID(),
            },
            body: JSON.stringify(deliveryPayload()),
          }).then(
            async (r) => {
              if (r.status === 201) created.push(((await r.json()) as { id: string }).id);
              return `HTTP ${r.status}`;
            },
            (error: Error) => `network: ${error.message}`,
          );
          outcomes.push(answer);
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      const clients = Array.from({ length: 4 }, client);
      await new Promise((r) => setTimeout(r, 2_000));
      for (const [i, port] of ports.entries()) {
        expect(await instances[i].stop("SIGTERM")).toBe(0);
        instances[i] = await startApp({ databaseUrl, port, env: APP_ENV, echo: true });
        // The balancer sees it healthy again after two checks.
        await new Promise((r) => setTimeout(r, 1_500));
      }
      await new Promise((r) => setTimeout(r, 2_000));
      loading = false;
      await Promise.all(clients);

      const failed = outcomes.filter((o) => o !== "HTTP 201");
      const problems = balancerLog.split("\n").filter((line) => !line.includes(" 201 "));
      expect(failed, problems.slice(0, 30).join("\n")).toEqual([]);
      expect(created.length).toBeGreaterThan(50);
      // The restarts did meet traffic: creates the balancer had to send again (its log's retry count).
      const retried = balancerLog
        .split("\n")
        .filter((line) => /\/\+?[1-9]\d* \d+\/\d+ "POST \/api\/v1\/deliveries/.test(line)).length;
      console.info(`rolling restart: ${created.length} creates, ${retried} sent again by the balancer, 0 failed`);
      expect(retried).toBeGreaterThan(0);

      // Every create's webhook, exactly once (by its id, stable across retries).
      const deadline = Date.now() + 60_000;
      const createdHooks = () =>
        hooks.requests
          .map((r) => JSON.parse(r.body) as { id: string; type: string; data: { delivery: { id: string } } })
          .filter((e) => e.type === "delivery.created");
      while (createdHooks().length < created.length && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      const byDelivery = new Map<string, number>();
      for (const e of createdHooks()) byDelivery.set(e.data.delivery.id, (byDelivery.get(e.data.delivery.id) ?? 0) + 1);
      expect([...byDelivery.keys()].sort()).toEqual([...created].sort());
      expect([...byDelivery.values()].every((n) => n === 1)).toBe(true);

      // The scheduled check: one completed run for each minute that began while both were started.
      const nextMinute = (t: number) => Math.ceil(t / 60_000) * 60_000;
      const ticks = [nextMinute(bothUp), nextMinute(bothUp) + 60_000];
      while (Date.now() < ticks[1] + 5_000) await new Promise((r) => setTimeout(r, 500));
      const runs = await db.backgroundRun.findMany({
        where: { functionId: { endsWith: "stuck-deliveries" }, eventId: { startsWith: "cron:" } },
        select: { eventId: true, status: true },
      });
      const ranAt = runs
        .map((r) => ({ at: Date.parse(r.eventId.split(":").slice(2).join(":")), status: r.status }))
        .filter((r) => r.at >= ticks[0] && r.at <= ticks[1]);
      expect(ranAt.map((r) => r.at).sort()).toEqual(ticks);
      expect(ranAt.every((r) => r.status === "COMPLETED")).toBe(true);
    },
  );
});
