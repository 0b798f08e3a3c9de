// What each delivery event means for people: emails to the partner's contact and the recipient, and
// in-app notifications, each keyed by the event id. The delivery and its partner come from the
// database, never from the event, so an event naming another partner sends nothing astray. The
// background functions take events in batches: deliveries and users are read once per batch.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hit } from "@/lib/rate-limit";
import { statusWord } from "@/lib/deliveries/status-labels";
import { sendEmails, type SendEmailOptions } from "@/lib/email/send-email";
import { isoDate } from "@/lib/core/format";
import type { NotificationInput } from "@/lib/notifications/notify-users";
import type { DeliveryEvent } from "@/lib/outbox/events";
import { windowOf, type Window } from "@/lib/deliveries/windows";
import { createFormatter } from "@/lib/core/format";

export type Skipped = { skipped: string };

const deliveryFields = {
  id: true,
  partnerId: true,
  trackingCode: true,
  recipientName: true,
  recipientEmail: true,
  dropoffAddress: true,
  deliveryDate: true,
  dropoffWindowStart: true,
  dropoffWindowEnd: true,
  proofCode: true,
  partner: { select: { name: true, contactEmail: true, timeZone: true } },
  assignee: { select: { id: true, name: true, email: true } },
} as const;

type EventDelivery = NonNullable<Awaited<ReturnType<typeof loadDeliveries>>> extends Map<string, infer D> ? D : never;

/** The deliveries these events are about, by id (an event whose delivery is gone has none). */
export async function loadDeliveries(events: DeliveryEvent[]) {
  const rows = await db.delivery.findMany({
    where: { id: { in: [...new Set(events.map((e) => e.data.deliveryId))] } },
    select: deliveryFields,
  });
  return new Map(rows.map((r) => [r.id, r]));
}

/** Messages have no viewer: one formatter, in the partner's time zone with the zone named. */
const messageFormat = createFormatter();
const describeTime = (value: Window | string, timeZone: string) =>
  `${typeof value === "string" ? messageFormat.dateTimeIn(value, timeZone) : messageFormat.window(value, timeZone)} (${timeZone})`;

/** How partners and recipients read a courier: their name, never their address. */
export const courierName = (assignee: { name: string | null } | null) => assignee?.name || "a courier";

/** A row of a CSV import: the partner is told about the import once, not about each row. */
const fromImport = (event: DeliveryEvent) => event.name === "delivery/created" && !!event.data.importId;

/** The partner contact's email about an event, or why there is none. */
export function partnerContactEmail(event: DeliveryEvent, d: EventDelivery | undefined): SendEmailOptions | Skipped {
  if (fromImport(event)) return { skipped: "created by an import (one summary instead)" };
  if (!d) return { skipped: "delivery not found" };
  if (event.name === "delivery/rescheduled" || event.name === "delivery/eta.updated") {
    return { skipped: "schedule changes reach partners in the app and by webhook" };
  }
  if (!d.partner.contactEmail) return { skipped: "partner has no contact email" };
  const common = { key: `${event.id}:partner-contact`, to: d.partner.contactEmail, deliveryId: d.id };
  const base = {
    partnerName: d.partner.name,
    deliveryId: d.id,
    trackingCode: d.trackingCode,
    recipientName: d.recipientName,
  };
  return event.name === "delivery/created"
    ? {
        ...common,
        template: "delivery-created",
        props: { ...base, dropoffAddress: d.dropoffAddress, deliveryDate: isoDate(d.deliveryDate) },
      }
    : {
        ...common,
        template: "delivery-status-changed",
        props: {
          ...base,
          from: event.data.from,
          to: event.data.to,
          reason: event.data.reason,
          assigneeName: event.name === "delivery/assigned" ? courierName(d.assignee) : null,
        },
      };
}

/** The recipient's email about an event, or why there is none (counted against the daily cap). */
export async function recipientEmail(
  event: DeliveryEvent,
  d: EventDelivery | undefined,
): Promise<SendEmailOptions | Skipped> {
  if (!d) return { skipped: "delivery not found" };
  if (!d.recipientEmail) return { skipped: "no recipient email" };
  const message = recipientMessage(event, d);
  if ("skipped" in message) return message;
  // Recipients are addresses a partner supplies, not our users: a daily cap per partner keeps the
  // platform from mailing a whole list for one. A retried step may count twice (it errs on less).
  const cap = await hit([
    {
      key: `recipient-emails:${d.partnerId}`,
      limit: env().RECIPIENT_EMAILS_PER_PARTNER_PER_DAY,
      windowSeconds: 86_400,
    },
  ]);
  if (!cap.allowed) return { skipped: "the partner's daily cap of recipient emails is reached" };
  return { key: `${event.id}:recipient`, to: d.recipientEmail, deliveryId: d.id, ...message };
}

/** Which recipient email an event means (template and props), or why none. */
function recipientMessage(
  event: DeliveryEvent,
  d: EventDelivery,
): Pick<SendEmailOptions, "template" | "props"> | Skipped {
  const schedule = { partnerName: d.partner.name, trackingCode: d.trackingCode };
  if (event.name === "delivery/eta.updated") {
    if (!event.data.announce) return { skipped: "the ETA moved by 15 minutes or less" };
    return {
      template: "recipient-schedule",
      props: { ...schedule, kind: "eta", when: describeTime(event.data.eta, d.partner.timeZone) },
    };
  }
  if (event.name === "delivery/rescheduled") {
    const { dropoffWindow, previous } = event.data;
    if (!dropoffWindow || JSON.stringify(dropoffWindow) === JSON.stringify(previous.dropoffWindow)) {
      return { skipped: "the drop-off window did not move" };
    }
    return {
      template: "recipient-schedule",
      props: { ...schedule, kind: "rescheduled", when: describeTime(dropoffWindow, d.partner.timeZone) },
    };
  }
  const status = event.name === "delivery/created" ? "CREATED" : event.data.to;
  // A re-attempt: the recipient hears when the next try is planned.
  const nextTry = windowOf(d.dropoffWindowStart, d.dropoffWindowEnd);
  if (event.name === "delivery/status.changed" && event.data.from === "FAILED" && nextTry) {
    return {
      template: "recipient-schedule",
      props: { ...schedule, kind: "rescheduled", when: describeTime(nextTry, d.partner.timeZone) },
    };
  }
  // Dispatch's own moves (assign, reassign, unassign) are no news to the recipient.
  if (event.name === "delivery/assigned" || (event.name !== "delivery/created" && status === "CREATED")) {
    return { skipped: "assignment changes are not sent to recipients" };
  }
  return {
    template: "recipient-update",
    props: {
      partnerName: d.partner.name,
      trackingCode: d.trackingCode,
      status,
      deliveryDate: isoDate(d.deliveryDate),
      // "Out for delivery" carries the code for partners that ask for one.
      deliveryCode: status === "IN_TRANSIT" ? d.proofCode : null,
    },
  };
}

/** The in-app notifications an event means, given the partner's active users. */
export function notificationsFor(
  event: DeliveryEvent,
  d: EventDelivery | undefined,
  partnerUsers: string[],
): { userIds: string[]; notification: NotificationInput }[] {
  if (fromImport(event) || !d || event.name === "delivery/eta.updated") return [];
  if (event.name === "delivery/rescheduled") {
    const { dropoffWindow, pickupWindow, reason } = event.data;
    const window = dropoffWindow ?? pickupWindow;
    const notification = {
      kind: "delivery.rescheduled",
      title: `Delivery ${d.trackingCode} is rescheduled`,
      body: `${window ? `${dropoffWindow ? "Drop-off" : "Pickup"} now ${describeTime(window, d.partner.timeZone)}. ` : ""}Reason: ${reason}`,
      dedupeKey: `event:${event.id}`,
      deliveryId: d.id,
    };
    const courier = d.assignee?.id && d.assignee.id === event.data.assigneeId ? [d.assignee.id] : [];
    return [{ userIds: [...partnerUsers, ...courier], notification }];
  }
  if (event.name === "delivery/assigned") {
    const who = courierName(d.assignee);
    return [
      {
        userIds: partnerUsers,
        notification: {
          kind: "delivery.assigned",
          title: `Delivery ${d.trackingCode} is assigned to ${who}`,
          body: `Courier ${who} has it and will deliver it.`,
          dedupeKey: `event:${event.id}`,
          deliveryId: d.id,
        },
      },
      // The courier hears too, when the delivery is still theirs by the time this runs.
      ...(d.assignee?.id === event.data.assigneeId
        ? [
            {
              userIds: [event.data.assigneeId],
              notification: {
                kind: "delivery.assigned_to_you",
                title: `Delivery ${d.trackingCode} is assigned to you`,
                body: `Deliver to ${d.dropoffAddress} on ${isoDate(d.deliveryDate)}.`,
                dedupeKey: `event:${event.id}`,
                deliveryId: d.id,
              },
            },
          ]
        : []),
    ];
  }
  const created = event.name === "delivery/created";
  return [
    {
      userIds: partnerUsers,
      notification: {
        kind: created ? "delivery.created" : "delivery.status_changed",
        title: created
          ? `Delivery ${d.trackingCode} created`
          : `Delivery ${d.trackingCode} is now ${statusWord(event.data.to)}`,
        body: created
          ? "The delivery request was received."
          : `It moved from ${statusWord(event.data.from)} to ${statusWord(event.data.to)}${event.data.reason ? `: ${event.data.reason}` : "."}`,
        dedupeKey: `event:${event.id}`,
        deliveryId: d.id,
      },
    },
  ];
}

/** An instant, or undefined (the column's default, now) for text that is none. */
function validDate(value: string): Date | undefined {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The in-app notifications of a batch of events, in one insert. The (user, dedupeKey) unique
 * index makes a repeated run add nothing.
 */
export async function notifyForEvents(events: DeliveryEvent[]): Promise<{ created: number }> {
  const deliveries = await loadDeliveries(events);
  const partners = [...new Set([...deliveries.values()].map((d) => d.partnerId))];
  const users = await db.user.findMany({
    where: { partnerId: { in: partners }, active: true },
    select: { id: true, partnerId: true },
  });
  const usersOf = (partnerId: string) => users.filter((u) => u.partnerId === partnerId).map((u) => u.id);
  const data = events.flatMap((event) => {
    const d = deliveries.get(event.data.deliveryId);
    return notificationsFor(event, d, d ? usersOf(d.partnerId) : []).flatMap(({ userIds, notification }) =>
      // Dated by the event, not the insert: a batch is written in one statement (one now()), and
      // a retried step later still, so the list reads in the order things happened.
      userIds.map((userId) => ({
        userId,
        ...notification,
        deliveryId: notification.deliveryId ?? null,
        createdAt: validDate(event.data.occurredAt),
      })),
    );
  });
  if (data.length === 0) return { created: 0 };
  const { count } = await db.notification.createMany({ data, skipDuplicates: true });
  return { created: count };
}

/**
 * Both emails of every event of a batch, stored in one statement. One that fails (a provider
 * error) does not stop the others; when any failed, this throws after all had their turn, so the
 * step is retried and only those are sent again (each email is keyed by its event).
 */
export async function emailForEvents(
  events: DeliveryEvent[],
): Promise<{ sent: number; skipped: Record<string, number> }> {
  const deliveries = await loadDeliveries(events);
  const skipped: Record<string, number> = {};
  const outgoing: SendEmailOptions[] = [];
  const names: string[] = [];
  for (const event of events) {
    const d = deliveries.get(event.data.deliveryId);
    for (const [name, email] of [
      ["partner-contact", partnerContactEmail(event, d)],
      ["recipient", await recipientEmail(event, d)],
    ] as const) {
      if ("skipped" in email) skipped[email.skipped] = (skipped[email.skipped] ?? 0) + 1;
      else {
        outgoing.push(email);
        names.push(name);
      }
    }
  }
  const results = await sendEmails(outgoing);
  const failures = results.flatMap((r, i) => ("error" in r ? [`${names[i]}: ${r.error}`] : []));
  if (failures.length > 0) {
    const more = failures.length > 5 ? ` (and ${failures.length - 5} more)` : "";
    throw new Error(failures.slice(0, 5).join("; ") + more);
  }
  return { sent: results.length, skipped };
}
