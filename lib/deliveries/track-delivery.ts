// Public tracking (DESIGN §6): status, timeline, the partner and why a delivery ended — no
// recipient, contact or address data.
import { AppError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/deliveries/serialize";
import { TRACKING_CODE_PATTERN } from "@/lib/deliveries/tracking-code";

export async function trackDelivery(trackingCode: string) {
  const code = trackingCode.trim().toUpperCase();
  const delivery = TRACKING_CODE_PATTERN.test(code)
    ? await db.delivery.findUnique({
        where: { trackingCode: code },
        select: {
          trackingCode: true,
          status: true,
          deliveryDate: true,
          createdAt: true,
          updatedAt: true,
          partner: { select: { name: true, contactEmail: true } },
          events: { select: { toStatus: true, createdAt: true, reason: true }, orderBy: { version: "asc" } },
        },
      })
    : null;
  if (!delivery) throw new AppError("not_found", "No delivery with this tracking code.");
  const last = delivery.events.at(-1);
  const ended = delivery.status === "FAILED" || delivery.status === "CANCELLED";
  return {
    trackingCode: delivery.trackingCode,
    status: delivery.status,
    deliveryDate: formatDate(delivery.deliveryDate),
    partner: { name: delivery.partner.name, contactEmail: delivery.partner.contactEmail },
    // The words of whoever ended it: what the recipient most wants to know, and never personal data
    // of the recipient (the form asks for a reason for the record, shown to the partner as well).
    reason: ended && last?.toStatus === delivery.status ? (last.reason ?? null) : null,
    createdAt: delivery.createdAt.toISOString(),
    updatedAt: delivery.updatedAt.toISOString(),
    timeline: delivery.events.map((e) => ({ status: e.toStatus, at: e.createdAt.toISOString() })),
  };
}
