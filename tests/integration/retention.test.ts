// Retention: what was sent, read or finished past its age is deleted; what is pending
// or recent stays. Against the real database, through the function the daily job runs.
import { randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, it } from "vitest";
import { pruneOldRecordsDaily } from "@/inngest/functions/prune-old-records";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createWorld, type World } from "./support";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);

describe("prune-old-records", () => {
  it("deletes old sent, read and finished records and keeps pending and recent ones", async () => {
    const e = env();
    const old = (days: number) => daysAgo(days + 1);
    const outbox = await Promise.all(
      [
        { sentAt: old(e.RETENTION_OUTBOX_DAYS), createdAt: old(e.RETENTION_OUTBOX_DAYS) }, // pruned
        { sentAt: null, createdAt: old(e.RETENTION_OUTBOX_DAYS) }, // never sent: kept
        { sentAt: new Date(), createdAt: new Date() }, // recent: kept
      ].map((row) => db.outboxEvent.create({ data: { name: "delivery/created", payload: {}, ...row } })),
    );
    const notes = await Promise.all(
      [old(e.RETENTION_NOTIFICATIONS_DAYS), null, new Date()].map((readAt) =>
        db.notification.create({
          data: { userId: world.partnerA.userId, kind: "t", title: "t", body: "t", dedupeKey: randomUUID(), readAt },
        }),
      ),
    );
    const emails = await Promise.all(
      [old(e.RETENTION_EMAILS_DAYS), new Date()].map((createdAt) =>
        db.emailMessage.create({
          data: {
            idempotencyKey: randomUUID(),
            to: "x@y.example",
            template: "t",
            subject: "s",
            html: "h",
            text: "t",
            status: "LOGGED",
            createdAt,
          },
        }),
      ),
    );
    const runs = await Promise.all(
      [
        { status: "COMPLETED" as const, finishedAt: old(e.RETENTION_RUNS_DAYS) }, // pruned
        { status: "QUEUED" as const, finishedAt: null }, // unfinished: kept
        { status: "FAILED" as const, finishedAt: new Date() }, // recent: kept
      ].map((r) =>
        db.backgroundRun.create({
          data: {
            functionId: "retention-test",
            eventId: randomUUID(),
            eventName: "x",
            event: {},
            maxAttempts: 1,
            ...r,
          },
        }),
      ),
    );
    const endpoint = await db.webhookEndpoint.create({
      data: { partnerId: world.partnerA.id, url: "https://93.184.215.14/retention", events: [], secret: "whsec_" },
    });
    const attemptsAge = old(e.RETENTION_WEBHOOK_ATTEMPTS_DAYS);
    const messages = await Promise.all(
      [
        { createdAt: attemptsAge, attemptAt: attemptsAge }, // pruned with its attempt
        { createdAt: attemptsAge, attemptAt: new Date() }, // resent lately: kept
        { createdAt: new Date(), attemptAt: new Date() }, // recent: kept
      ].map(({ createdAt, attemptAt }) =>
        db.webhookMessage.create({
          data: {
            endpointId: endpoint.id,
            eventId: randomUUID(),
            eventType: "delivery.created",
            body: "{}",
            createdAt,
            attempts: {
              create: {
                endpointId: endpoint.id,
                eventId: "e",
                eventType: "delivery.created",
                attempt: 1,
                url: endpoint.url,
                durationMs: 1,
                createdAt: attemptAt,
              },
            },
          },
        }),
      ),
    );
    const limits = ["old", "new"].map((k) => `retention-test:${k}:${randomUUID()}`);
    await db.rateLimit.createMany({
      data: [
        { key: limits[0], windowStart: daysAgo(2), count: 1 },
        { key: limits[1], windowStart: new Date(), count: 1 },
      ],
    });

    const { result, error } = await new InngestTestEngine({ function: pruneOldRecordsDaily }).execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ outboxEvents: expect.any(Number), runs: expect.any(Number) });

    const ids = async <T extends { id: string }>(rows: T[], find: (ids: string[]) => Promise<{ id: string }[]>) =>
      (await find(rows.map((r) => r.id))).map((r) => r.id).sort();
    expect(await ids(outbox, (i) => db.outboxEvent.findMany({ where: { id: { in: i } } }))).toEqual(
      [outbox[1].id, outbox[2].id].sort(),
    );
    expect(await ids(notes, (i) => db.notification.findMany({ where: { id: { in: i } } }))).toEqual(
      [notes[1].id, notes[2].id].sort(),
    );
    expect(await ids(emails, (i) => db.emailMessage.findMany({ where: { id: { in: i } } }))).toEqual([emails[1].id]);
    expect(await ids(runs, (i) => db.backgroundRun.findMany({ where: { id: { in: i } } }))).toEqual(
      [runs[1].id, runs[2].id].sort(),
    );
    expect((await db.rateLimit.findMany({ where: { key: { in: limits } } })).map((r) => r.key)).toEqual([limits[1]]);
    expect(await ids(messages, (i) => db.webhookMessage.findMany({ where: { id: { in: i } } }))).toEqual(
      [messages[1].id, messages[2].id].sort(),
    );
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(2);
  });
});
