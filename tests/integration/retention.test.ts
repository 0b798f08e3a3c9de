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
  });
});
