// Email: every template's content, and sendEmail through Resend's API (a loopback receiver given
// as RESEND_BASE_URL) with idempotency keys, failures recorded and retried.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { renderEmail } from "@/lib/email/render";
import { sendEmail } from "@/lib/email/send-email";
import type { TemplateName, TemplateProps } from "@/lib/email/templates";
import { startReceiver, type Receiver } from "./background-support";
import { baseUrl } from "./support";

let resend: Receiver;
beforeAll(async () => {
  // env() is read once per test file: configure Resend before anything touches it.
  resend = await startReceiver(() => ({ status: 200, body: { id: `re_${randomUUID()}` } }));
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = resend.url;
});
afterAll(() => resend.close());

const deliveryId = "0b6c1f8e-7a53-4b9e-9d55-2f4b1a0c3e21";
const cases: { [T in TemplateName]: { props: TemplateProps<T>; subject: string; links: string[]; words: string[] } } = {
  "delivery-created": {
    props: {
      partnerName: "Acme",
      deliveryId,
      trackingCode: "DLV-AAAA1111",
      recipientName: "Ada",
      dropoffAddress: "4 Elm Rd",
      deliveryDate: "2030-01-15",
    },
    subject: "Delivery DLV-AAAA1111 received",
    links: [`/deliveries/${deliveryId}`, "/track/DLV-AAAA1111"],
    words: ["Hello Acme", "4 Elm Rd", "2030-01-15"],
  },
  "delivery-status-changed": {
    props: {
      partnerName: "Acme",
      deliveryId,
      trackingCode: "DLV-AAAA1111",
      recipientName: "Ada",
      from: "IN_TRANSIT",
      to: "FAILED",
      reason: "Nobody home",
    },
    subject: "Delivery DLV-AAAA1111 is now failed",
    links: [`/deliveries/${deliveryId}`, "/track/DLV-AAAA1111"],
    words: ["from in transit to failed", "Reason: Nobody home"],
  },
  "recipient-update": {
    props: {
      partnerName: "Acme",
      trackingCode: "DLV-AAAA1111",
      status: "COMPLETED",
      deliveryDate: "2030-01-15",
    },
    subject: "Your delivery DLV-AAAA1111 has been delivered",
    links: ["/track/DLV-AAAA1111"],
    words: ["Hello,", "Acme"],
  },
  "recipient-schedule": {
    props: {
      partnerName: "Acme",
      trackingCode: "DLV-AAAA1111",
      kind: "eta",
      when: "Tue, 15 Jan 2030, 14:20 (Europe/Berlin)",
    },
    subject: "Your delivery DLV-AAAA1111 arrives around Tue, 15 Jan 2030, 14:20 (Europe/Berlin)",
    links: ["/track/DLV-AAAA1111"],
    words: ["Hello,", "expects to arrive around Tue, 15 Jan 2030, 14:20 (Europe/Berlin)"],
  },
  "stuck-digest": {
    props: {
      items: [
        { deliveryId, trackingCode: "DLV-AAAA1111", partnerName: "Acme", status: "IN_TRANSIT", stuckMinutes: 3000 },
      ],
    },
    subject: "1 delivery is stuck",
    links: [`/deliveries/${deliveryId}`, "/admin"],
    words: ["DLV-AAAA1111", "(Acme)", "in transit for 50 h"],
  },
  "webhook-disabled": {
    props: { partnerName: "Acme", url: "https://acme.example/hooks", failures: 5, lastError: "HTTP 500" },
    subject: "Your webhook endpoint was disabled after 5 failed attempts",
    links: ["/settings/webhook"],
    words: ["https://acme.example/hooks", "Last error: HTTP 500"],
  },
};

describe("email templates", () => {
  it.each(Object.keys(cases) as TemplateName[])("%s: subject, links to APP_URL, HTML and plain text", async (name) => {
    const c = cases[name];
    const email = await renderEmail(name, c.props as never);
    expect(email.subject).toBe(c.subject);
    expect(email.html).toMatch(/^<!DOCTYPE html/i);
    for (const link of c.links) {
      expect(email.html).toContain(`href="${baseUrl}${link}"`);
      expect(email.text).toContain(`${baseUrl}${link}`);
    }
    for (const words of c.words) expect(email.text).toContain(words);
    expect(email.text).not.toMatch(/<[a-z]/i); // a real plain-text part, not HTML
  });

  it("never gives the recipient the partner's internal delivery link", async () => {
    const email = await renderEmail("recipient-update", cases["recipient-update"].props);
    expect(email.text).not.toContain("/deliveries/");
  });
});

describe("sendEmail through Resend", () => {
  it("sends once per key with Resend's idempotency key and stores the provider id", async () => {
    const key = `test:${randomUUID()}`;
    const props = cases["webhook-disabled"].props;
    const before = resend.requests.length;
    const first = await sendEmail({ key, to: "ops@acme.example", template: "webhook-disabled", props });
    expect(first).toMatchObject({ status: "SENT", to: "ops@acme.example", attempts: 1 });
    expect(first.providerMessageId).toMatch(/^re_/);
    const [request] = resend.requests.slice(before);
    expect(request).toMatchObject({ method: "POST", url: "/emails" });
    expect(request.headers.authorization).toBe("Bearer re_test_key");
    expect(request.headers["idempotency-key"]).toBe(key);
    expect(JSON.parse(request.body)).toMatchObject({
      to: ["ops@acme.example"],
      subject: cases["webhook-disabled"].subject,
      text: first.text,
      html: first.html,
    });

    const again = await sendEmail({ key, to: "ops@acme.example", template: "webhook-disabled", props });
    expect(again.id).toBe(first.id);
    expect(resend.requests.length).toBe(before + 1);
  });

  it("records a provider failure, throws for Inngest to retry, and succeeds on the retry", async () => {
    const key = `test:${randomUUID()}`;
    const props = cases["recipient-update"].props;
    resend.respond = () => ({
      status: 422,
      body: { name: "validation_error", message: "Invalid `to` field", statusCode: 422 },
    });
    await expect(sendEmail({ key, to: "ada@example.com", template: "recipient-update", props })).rejects.toThrow(
      /Invalid `to` field/,
    );
    const failed = await db.emailMessage.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(failed.error).toMatch(/Invalid `to` field/);

    resend.respond = () => ({ status: 200, body: { id: "re_retry" } });
    const retried = await sendEmail({ key, to: "ada@example.com", template: "recipient-update", props });
    expect(retried).toMatchObject({
      id: failed.id,
      status: "SENT",
      providerMessageId: "re_retry",
      attempts: 2,
      error: null,
    });
  });
});
