// Emails to recipients carry only platform text, the partner's name and the tracking link, and a
// partner's recipient emails per day are capped — on a server of this file's own with a cap of 2.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveryPayload, seedPartnerWithKey } from "./support";
import { startApp, startTempDatabase, type RunningApp, type TempDatabase } from "../support/app-server";

let database: TempDatabase;
let app: RunningApp;
let apiKey: string;

beforeAll(async () => {
  database = await startTempDatabase("recipients");
  app = await startApp({ databaseUrl: database.url, env: { RECIPIENT_EMAILS_PER_PARTNER_PER_DAY: "2" } });
  apiKey = await seedPartnerWithKey(database.url, "mailer");
});

afterAll(async () => {
  await app?.stop("SIGKILL");
  await database?.destroy();
});

async function query<T>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe("emails to recipients", () => {
  it("say nothing a partner typed, and stop at the partner's daily cap", { timeout: 90_000 }, async () => {
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${app.url}/api/v1/deliveries`, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify(
          deliveryPayload({
            recipientName: `Click https://phish.example/${i} now`,
            recipientEmail: `person${i}@example.com`,
            notes: "Visit https://phish.example",
          }),
        ),
      });
      expect(res.status).toBe(201);
    }
    // Every create's notification batch has finished: two sent to recipients, the third skipped.
    const deadline = Date.now() + 60_000;
    type Run = { status: string; events: number; output: { emails?: { skipped?: Record<string, number> } } | null };
    let runs: Run[] = [];
    while (Date.now() < deadline) {
      runs = await query(
        `SELECT "status"::text AS "status", jsonb_array_length("events")::int AS "events", "output"
         FROM "BackgroundRun" WHERE "functionId" LIKE '%delivery-notifications'`,
      );
      const events = runs.reduce((n, r) => n + r.events, 0);
      if (events === 3 && runs.every((r) => r.status === "COMPLETED")) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(runs.every((r) => r.status === "COMPLETED")).toBe(true);
    const capped = runs.reduce(
      (n, r) => n + (r.output?.emails?.skipped?.["the partner's daily cap of recipient emails is reached"] ?? 0),
      0,
    );
    expect(capped).toBe(1);

    const emails = await query<{ html: string; text: string; subject: string }>(
      `SELECT "html", "text", "subject" FROM "EmailMessage" WHERE "template" = 'recipient-update'`,
    );
    expect(emails).toHaveLength(2);
    for (const email of emails) {
      for (const part of [email.html, email.text, email.subject]) expect(part).not.toMatch(/phish|Click/);
      expect(email.text).toMatch(/mailer/); // the partner's name
      expect(email.text).toMatch(/\/track\/DLV-/);
    }
  });
});
