// What each delivery event means for people: emails to the partner's contact and the recipient, and
// in-app notifications, each keyed by the event id. The delivery and its partner come from the
// database, never from the event, so an event naming another partner sends nothing astray.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hit } from "@/lib/rate-limit";
import { statusWord } from "@/lib/deliveries/status-labels";
import { sendEmail } from "@/lib/email/send-email";
import { isoDate } from "@/lib/core/format";
import { notifyUsers, partnerUserIds } from "@/lib/notifications/notify-users";
import type { DeliveryEvent } from "@/lib/outbox/events";

export type Skipped = { skipped: string };

async function loadDelivery(id: string) {
  return db.delivery.findUnique({
    where: { id },
    select: {
      id: true,
      partnerId: true,
      trackingCode: true,
      recipientName: true,
      recipientEmail: true,
      dropoffAddress: true,
      deliveryDate: true,
      proofCode: true,
      partner: { select: { name: true, contactEmail: true } },
      assignee: { select: { id: true, name: true, email: true } },
    },
  });
}

/** How partners and recipients read a courier: their name, never their address. */
export const courierName = (assignee: { name: string | null } | null) => assignee?.name || "a courier";

/** A row of a CSV import: the partner is told about the import once, not about each row. */
const fromImport = (event: DeliveryEvent) => event.name === "delivery/created" && !!event.data.importId;

export async function emailPartnerContact(event: DeliveryEvent) {
  if (fromImport(event)) return { skipped: "created by an import (one summary instead)" } satisfies Skipped;
  const d = await loadDelivery(event.data.deliveryId);
  if (!d) return { skipped: "delivery not found" } satisfies Skipped;
  if (!d.partner.contactEmail) return { skipped: "partner has no contact email" } satisfies Skipped;
  const common = { key: `${event.id}:partner-contact`, to: d.partner.contactEmail, deliveryId: d.id };
  const base = {
    partnerName: d.partner.name,
    deliveryId: d.id,
    trackingCode: d.trackingCode,
    recipientName: d.recipientName,
  };
  const message =
    event.name === "delivery/created"
      ? await sendEmail({
          ...common,
          template: "delivery-created",
          props: { ...base, dropoffAddress: d.dropoffAddress, deliveryDate: isoDate(d.deliveryDate) },
        })
      : await sendEmail({
          ...common,
          template: "delivery-status-changed",
          props: {
            ...base,
            from: event.data.from,
            to: event.data.to,
            reason: event.data.reason,
            assigneeName: event.name === "delivery/assigned" ? courierName(d.assignee) : null,
          },
        });
  return { emailId: message.id, status: message.status };
}

export async function emailRecipient(event: DeliveryEvent) {
  const d = await loadDelivery(event.data.deliveryId);
  if (!d) return { skipped: "delivery not found" } satisfies Skipped;
  if (!d.recipientEmail) return { skipped: "no recipient email" } satisfies Skipped;
  const status = event.name === "delivery/created" ? "CREATED" : event.data.to;
  // Dispatch's own moves (assign, reassign, unassign) are no news to the recipient.
  if (event.name === "delivery/assigned" || (event.name !== "delivery/created" && status === "CREATED")) {
    return { skipped: "assignment changes are not sent to recipients" } satisfies Skipped;
  }
  // Recipients are addresses a partner supplies, not our users: a daily cap per partner keeps the
  // platform from mailing a whole list for one. A retried step may count twice (it errs on less).
  const cap = await hit([
    {
      key: `recipient-emails:${d.partnerId}`,
      limit: env().RECIPIENT_EMAILS_PER_PARTNER_PER_DAY,
      windowSeconds: 86_400,
    },
  ]);
  if (!cap.allowed) return { skipped: "the partner's daily cap of recipient emails is reached" } satisfies Skipped;
  const message = await sendEmail({
    key: `${event.id}:recipient`,
    to: d.recipientEmail,
    deliveryId: d.id,
    template: "recipient-update",
    props: {
      partnerName: d.partner.name,
      trackingCode: d.trackingCode,
      status,
      deliveryDate: isoDate(d.deliveryDate),
      // "Out for delivery" carries the code for partners that ask for one.
      deliveryCode: status === "IN_TRANSIT" ? d.proofCode : null,
    },
  });
  return { emailId: message.id, status: message.status };
}

export async function notifyPartnerUsers(event: DeliveryEvent) {
  if (fromImport(event)) return { skipped: "created by an import (one summary instead)" } satisfies Skipped;
  const d = await loadDelivery(event.data.deliveryId);
  if (!d) return { skipped: "delivery not found" } satisfies Skipped;
  if (event.name === "delivery/assigned") {
    const who = courierName(d.assignee);
    const partner = await notifyUsers(await partnerUserIds(d.partnerId), {
      kind: "delivery.assigned",
      title: `Delivery ${d.trackingCode} is assigned to ${who}`,
      body: `Courier ${who} has it and will deliver it.`,
      dedupeKey: `event:${event.id}`,
      deliveryId: d.id,
    });
    // The courier hears too, when the delivery is still theirs by the time this runs.
    const courier =
      d.assignee?.id === event.data.assigneeId
        ? await notifyUsers([event.data.assigneeId], {
            kind: "delivery.assigned_to_you",
            title: `Delivery ${d.trackingCode} is assigned to you`,
            body: `Deliver to ${d.dropoffAddress} on ${isoDate(d.deliveryDate)}.`,
            dedupeKey: `event:${event.id}`,
            deliveryId: d.id,
          })
        : 0;
    return { created: partner + courier };
  }
  const created = await notifyUsers(await partnerUserIds(d.partnerId), {
    kind: event.name === "delivery/created" ? "delivery.created" : "delivery.status_changed",
    title:
      event.name === "delivery/created"
        ? `Delivery ${d.trackingCode} created`
        : `Delivery ${d.trackingCode} is now ${statusWord(event.data.to)}`,
    body:
      event.name === "delivery/created"
        ? "The delivery request was received."
        : `It moved from ${statusWord(event.data.from)} to ${statusWord(event.data.to)}${event.data.reason ? `: ${event.data.reason}` : "."}`,
    dedupeKey: `event:${event.id}`,
    deliveryId: d.id,
  });
  return { created };
}
