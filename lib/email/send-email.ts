// The one way to send an email: rendered, stored in EmailMessage under an idempotency key, then sent
// through Resend with that key (a retried step never sends twice); without RESEND_API_KEY stored as
// LOGGED for /admin/emails. A provider failure is recorded and thrown, so the step retries.
import { Resend } from "resend";
import { db } from "@/lib/db";
import { renderEmail } from "@/lib/email/render";
import type { TemplateName, TemplateProps } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { loggerFor } from "@/lib/core/logger";
import { emails } from "@/lib/observability/metrics";

const log = loggerFor("email");

export interface SendEmailOptions<T extends TemplateName> {
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

export async function sendEmail<T extends TemplateName>(options: SendEmailOptions<T>) {
  const { key, to, template, deliveryId = null } = options;
  const rendered = await renderEmail(template, options.props);
  const resend = transport();
  // Stored in one statement, and without a provider stored as logged in that same statement; an
  // email stored before (a retried step) is read back as it is.
  const [created] = await db.emailMessage.createManyAndReturn({
    data: {
      idempotencyKey: key,
      to,
      template,
      deliveryId,
      ...rendered,
      ...(resend ? {} : { status: "LOGGED" as const, attempts: 1 }),
    },
    skipDuplicates: true,
  });
  if (created && !resend) {
    noteLogged();
    return created;
  }
  const message = created ?? (await db.emailMessage.findUniqueOrThrow({ where: { idempotencyKey: key } }));
  if (message.status === "SENT" || message.status === "LOGGED") return message;
  if (!resend) {
    noteLogged();
    return db.emailMessage.update({
      where: { id: message.id },
      data: { status: "LOGGED", attempts: { increment: 1 } },
    });
  }

  const { data, error } = await resend.emails.send(
    { from: env().EMAIL_FROM, to: [message.to], subject: message.subject, html: message.html, text: message.text },
    { idempotencyKey: key },
  );
  if (error || !data) {
    const text = error ? `${error.name}: ${error.message}` : "Resend returned no message id";
    emails.inc({ outcome: "failed" });
    await db.emailMessage.update({
      where: { id: message.id },
      data: { status: "FAILED", error: text, attempts: { increment: 1 } },
    });
    throw new Error(`Email ${message.id} to ${to} failed: ${text}`);
  }
  emails.inc({ outcome: "sent" });
  return db.emailMessage.update({
    where: { id: message.id },
    data: { status: "SENT", providerMessageId: data.id, error: null, attempts: { increment: 1 } },
  });
}
