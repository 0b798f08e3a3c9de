// The webhook_endpoints migration's back-fill, run on a row written as before it: an old secret
// (`whsec_` + unpadded base64url, once used as a text key) keeps its 32 bytes in the Standard
// Webhooks spelling, and an endpoint from before subscriptions receives every event type (with the
// types added since by the migrations that extend "every type").
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { OPERATOR_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createPartner } from "@/lib/partners/create-partner";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/schemas";
import { signWebhook } from "@/lib/webhooks/signature";
import { ROOT } from "../support/app-server";

const MIGRATIONS = path.join(ROOT, "prisma", "migrations");
const dir = readdirSync(MIGRATIONS).find((d) => d.endsWith("_webhook_endpoints"))!;
const sql = readFileSync(path.join(MIGRATIONS, dir, "migration.sql"), "utf8");
/** The back-fill statements: everything from the first back-fill comment on. */
const backfill = sql
  .slice(sql.indexOf("-- Back-fill"))
  .split(";")
  .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
  .filter(Boolean);
/** Later migrations that add event types to endpoints taking every type, applied in order after it. */
const later = readdirSync(MIGRATIONS)
  .filter((d) => d.endsWith("_webhook_schedule_events"))
  .map((d) => readFileSync(path.join(MIGRATIONS, d, "migration.sql"), "utf8"));

class Rollback extends Error {}

describe("webhook_endpoints migration", () => {
  it("respells old secrets as standard base64 of the same bytes and subscribes old endpoints to everything", async () => {
    expect(backfill).toHaveLength(2);
    const partner = await createPartner({ actor: OPERATOR_ACTOR, input: { name: `Old hooks ${Date.now()}` } });
    // Bytes whose base64url has - and _ (0xfb 0xff …), as old secrets could.
    const key = Buffer.concat([Buffer.from([0xfb, 0xff, 0xbf]), randomBytes(29)]);
    const old = `whsec_${key.toString("base64url")}`;
    expect(old).toMatch(/[-_]/);
    let after: { secret: string; events: string[] | null } | undefined;
    await db
      .$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ id: string }[]>`
          INSERT INTO "WebhookEndpoint" ("id", "partnerId", "url", "secret", "events", "updatedAt")
          VALUES (gen_random_uuid(), ${partner.id}::uuid, 'https://93.184.215.14/old', ${old}, NULL, now())
          RETURNING "id"`;
        for (const statement of backfill) await tx.$executeRawUnsafe(statement);
        for (const migration of later) await tx.$executeRawUnsafe(migration);
        [after] = await tx.$queryRaw<{ secret: string; events: string[] | null }[]>`
          SELECT "secret", "events" FROM "WebhookEndpoint" WHERE "id" = ${row.id}::uuid`;
        throw new Rollback(); // leave the shared test database as it was
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect(after!.events).toEqual([...WEBHOOK_EVENT_TYPES]);
    expect(after!.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(after!.secret.slice(6), "base64").equals(key)).toBe(true);
    // The library reads it, and verifies what we sign with it.
    const body = '{"id":"evt_1"}';
    expect(
      new Webhook(after!.secret).verify(body, signWebhook({ id: "evt_1", body, secrets: [after!.secret] })),
    ).toEqual({ id: "evt_1" });
  });
});

describe("webhook_schedule_events migration", () => {
  it("gives the new types to endpoints that took every type, and leaves a chosen few alone", async () => {
    const partner = await createPartner({ actor: OPERATOR_ACTOR, input: { name: `Schedule hooks ${Date.now()}` } });
    const OLD_ALL = ["delivery.created", "delivery.status_changed", "delivery.assigned"];
    let rows: { url: string; events: string[] }[] = [];
    await db
      .$transaction(async (tx) => {
        for (const [url, events] of [
          ["https://93.184.215.14/all", OLD_ALL],
          ["https://93.184.215.14/some", ["delivery.created"]],
        ] as const) {
          await tx.$executeRaw`
            INSERT INTO "WebhookEndpoint" ("id", "partnerId", "url", "secret", "events", "updatedAt")
            VALUES (gen_random_uuid(), ${partner.id}::uuid, ${url}, 'whsec_x', ${events}::text[], now())`;
        }
        for (const migration of later) await tx.$executeRawUnsafe(migration);
        for (const migration of later) await tx.$executeRawUnsafe(migration); // twice: nothing more
        rows =
          await tx.$queryRaw`SELECT "url", "events" FROM "WebhookEndpoint" WHERE "partnerId" = ${partner.id}::uuid ORDER BY "url"`;
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect(later).toHaveLength(1);
    expect(rows).toEqual([
      { url: "https://93.184.215.14/all", events: [...WEBHOOK_EVENT_TYPES] },
      { url: "https://93.184.215.14/some", events: ["delivery.created"] },
    ]);
  });
});
