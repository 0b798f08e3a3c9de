// Tells a partner that their endpoint was disabled: an email to the contact and an in-app
// notification for their users, both keyed by the disable time so a repeated run adds nothing.
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { notifyUsers, partnerUserIds } from "@/lib/notifications/notify-users";

export async function announceWebhookDisabled(endpointId: string) {
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id: endpointId },
    include: { partner: { select: { id: true, name: true, contactEmail: true } } },
  });
  if (!endpoint?.disabledAt) return { skipped: "endpoint is not disabled" };
  const key = `webhook-disabled:${endpoint.id}:${endpoint.disabledAt.toISOString()}`;
  const last = await db.webhookDelivery.findFirst({
    where: { endpointId },
    orderBy: { createdAt: "desc" },
    select: { error: true },
  });
  const failures = endpoint.failureCount;
  const email = endpoint.partner.contactEmail
    ? await sendEmail({
        key,
        to: endpoint.partner.contactEmail,
        template: "webhook-disabled",
        props: { partnerName: endpoint.partner.name, url: endpoint.url, failures, lastError: last?.error ?? null },
      })
    : null;
  const notified = await notifyUsers(await partnerUserIds(endpoint.partner.id), {
    kind: "webhook.disabled",
    title: "Webhook endpoint disabled",
    body: `After ${failures} failed attempts we stopped sending events to ${endpoint.url}. Fix it and save it again in the webhook settings.`,
    dedupeKey: key,
  });
  return { emailId: email?.id ?? null, notified };
}
