// The one way to send emails: rendered, stored in EmailMessage under an idempotency key, then sent
// through Resend with that key (a retried step never sends twice); without RESEND_API_KEY stored as
// LOGGED for /admin/emails. A provider failure is recorded and reported (thrown by sendEmail), so
// the step retries. A batch of emails is stored in one statement.
import pMap from "p-map";
import { Resend } from "resend";
import { db } from "@/lib/db";
import { renderEmail } from "@/lib/email/render";
import type { TemplateName, TemplateProps } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { loggerFor } from "@/lib/core/logger";
import { emails } from "@/lib/observability/metrics";

const log = loggerFor("email");

export interface SendEmailOptions<T extends TemplateName = TemplateName> {
  /** Stable per message, e.g. `<event id>:recipient`. */
  key: string;
  to: string;
  template: T;
  props: TemplateProps<T>;
  deliveryId?: string | null;
}

function transport(): Resend | null {
  const { RESEND_API_KEY, RESEND_BASE_URL } = env();
  return RESEND_API_KEY ? new Resend(RESEND_API_KEY, { baseUrl: RESEND_BASE_URL }) : null;
}

/**
 * Without a provider, emails are only stored: one log line per second says how many, instead of a
 * line per email (a JSON line to stdout per message was 5 % of the server's CPU while a backlog
 * drained). Neither body nor address is logged: the body can carry a delivery code.
 */
let loggedSince = 0;
let logTimer: NodeJS.Timeout | null = null;
function noteLogged() {
  emails.inc({ outcome: "logged" });
  loggedSince++;
  logTimer ??= setTimeout(() => {
    log.info({ count: loggedSince }, "emails logged (no RESEND_API_KEY); read them at /admin/emails");
    loggedSince = 0;
    logTimer = null;
  }, 1_000).unref();
}

/** What a stored email is, as its senders see it. */
export interface SentEmail {
  id: string;
  status: "QUEUED" | "SENT" | "FAILED" | "LOGGED";
}

/** Emails sent to the provider at once. */
const AT_ONCE = 8;

/**
 * Stores and sends a batch of emails. Each answer is the stored message, or the provider's error
 * for that one (recorded on the message); one failure never stops the others.
 */
export async function sendEmails(list: SendEmailOptions[]): Promise<(SentEmail | { error: string })[]> {
  if (list.length === 0) return [];
  const resend = transport();
  const rows: {
    key: string;
    to: string;
    template: string;
    deliveryId: string | null;
    subject: string;
    html: string;
    text: string;
  }[] = [];
  for (const options of list) {
    const rendered = await renderEmail(options.template, options.props as never);
    rows.push({
      key: options.key,
      to: options.to,
      template: options.template,
      deliveryId: options.deliveryId ?? null,
      ...rendered,
    });
  }
  // One statement stores them all; without a provider they are stored as logged, and done. An
  // email stored before (a retried step) is read back as it is.
  const created = await db.$queryRaw<(SentEmail & { key: string })[]>`
    INSERT INTO "EmailMessage" ("id", "idempotencyKey", "to", "template", "subject", "html", "text",
      "deliveryId", "status", "attempts", "updatedAt")
    SELECT gen_random_uuid(), x."key", x."to", x."template", x."subject", x."html", x."text", x."deliveryId"::uuid,
      ${resend ? "QUEUED" : "LOGGED"}::"EmailStatus", ${resend ? 0 : 1}, now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
      "key" text, "to" text, "template" text, "subject" text, "html" text, "text" text, "deliveryId" text)
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING "id", "idempotencyKey" AS "key", "status"::text AS "status"`;
  const byKey = new Map(created.map((m) => [m.key, m]));
  if (!resend) for (let i = 0; i < created.length; i++) noteLogged();
  const missing = list.filter((o) => !byKey.has(o.key)).map((o) => o.key);
  if (missing.length > 0) {
    const found = await db.emailMessage.findMany({
      where: { idempotencyKey: { in: missing } },
      select: { id: true, idempotencyKey: true, status: true },
    });
    for (const m of found) byKey.set(m.idempotencyKey, { id: m.id, key: m.idempotencyKey, status: m.status });
  }
  return pMap(
    list,
    async (options): Promise<SentEmail | { error: string }> => {
      const message = byKey.get(options.key)!;
      if (message.status === "SENT" || message.status === "LOGGED") return { id: message.id, status: message.status };
      if (!resend) {
        noteLogged();
        await db.emailMessage.update({
          where: { id: message.id },
          data: { status: "LOGGED", attempts: { increment: 1 } },
        });
        return { id: message.id, status: "LOGGED" };
      }
      // What was stored first is what is sent, on every attempt.
      const stored = created.includes(message)
        ? rows.find((r) => r.key === options.key)!
        : await db.emailMessage.findUniqueOrThrow({
            where: { id: message.id },
            select: { to: true, subject: true, html: true, text: true },
          });
      const { data, error } = await resend.emails.send(
        { from: env().EMAIL_FROM, to: [stored.to], subject: stored.subject, html: stored.html, text: stored.text },
        { idempotencyKey: options.key },
      );
      if (error || !data) {
        const text = error ? `${error.name}: ${error.message}` : "Resend returned no message id";
        emails.inc({ outcome: "failed" });
        await db.emailMessage.update({
          where: { id: message.id },
          data: { status: "FAILED", error: text, attempts: { increment: 1 } },
        });
        return { error: `Email ${message.id} to ${options.to} failed: ${text}` };
      }
      emails.inc({ outcome: "sent" });
      await db.emailMessage.update({
        where: { id: message.id },
        data: { status: "SENT", providerMessageId: data.id, error: null, attempts: { increment: 1 } },
      });
      return { id: message.id, status: "SENT" };
    },
    { concurrency: AT_ONCE },
  );
}

/** One email, as stored; a provider failure is thrown (so the caller's step retries). */
export async function sendEmail<T extends TemplateName>(options: SendEmailOptions<T>) {
  const [result] = await sendEmails([options as SendEmailOptions]);
  if ("error" in result) throw new Error(result.error);
  return db.emailMessage.findUniqueOrThrow({ where: { id: result.id } });
}
