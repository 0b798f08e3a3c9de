// What each delivery event means for people: an email to the partner's contact, one to the
// recipient when the partner gave their address, and an in-app notification for the partner's
// users. Each is keyed by the event id (the outbox row id), so repeated runs change nothing.
// The delivery and its partner are read from the database, never taken from the event: an event
// that names another partner cannot send one partner's delivery to another.
import { db } from "@/lib/db";
import { statusWord } from "@/lib/deliveries/status-labels";
import { sendEmail } from "@/lib/email/send-email";
import { formatDate } from "@/lib/deliveries/serialize";
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
      partner: { select: { name: true, contactEmail: true } },
    },
  });
}

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
          props: { ...base, dropoffAddress: d.dropoffAddress, deliveryDate: formatDate(d.deliveryDate) },
        })
      : await sendEmail({
          ...common,
          template: "delivery-status-changed",
          props: { ...base, from: event.data.from, to: event.data.to, reason: event.data.reason },
        });
  return { emailId: message.id, status: message.status };
}

export async function emailRecipient(event: DeliveryEvent) {
  const d = await loadDelivery(event.data.deliveryId);
  if (!d) return { skipped: "delivery not found" } satisfies Skipped;
  if (!d.recipientEmail) return { skipped: "no recipient email" } satisfies Skipped;
  const status = event.name === "delivery/created" ? "CREATED" : event.data.to;
  const message = await sendEmail({
    key: `${event.id}:recipient`,
    to: d.recipientEmail,
    deliveryId: d.id,
    template: "recipient-update",
    props: {
      recipientName: d.recipientName,
      partnerName: d.partner.name,
      trackingCode: d.trackingCode,
      status,
      deliveryDate: formatDate(d.deliveryDate),
    },
  });
  return { emailId: message.id, status: message.status };
}

export async function notifyPartnerUsers(event: DeliveryEvent) {
  if (fromImport(event)) return { skipped: "created by an import (one summary instead)" } satisfies Skipped;
  const d = await loadDelivery(event.data.deliveryId);
  if (!d) return { skipped: "delivery not found" } satisfies Skipped;
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
