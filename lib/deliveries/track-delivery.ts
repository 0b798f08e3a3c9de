// Public tracking (DESIGN §6): status, timeline, the drop-off window and ETA (in the partner's time
// zone), and the partner with its contact address — no
// recipient, contact or address data. A status change's reason is left out too: it is free text
// written for the partner's records and often names the recipient or the address.
import { AppError } from "@/lib/core/errors";
import { db } from "@/lib/db";
import { isoDate } from "@/lib/core/format";
import { TRACKING_CODE_PATTERN } from "@/lib/deliveries/tracking-code";
import { windowOf } from "@/lib/deliveries/windows";

export async function trackDelivery(trackingCode: string) {
  const code = trackingCode.trim().toUpperCase();
  const delivery = TRACKING_CODE_PATTERN.test(code)
    ? await db.delivery.findUnique({
        where: { trackingCode: code },
        select: {
          trackingCode: true,
          status: true,
          deliveryDate: true,
          dropoffWindowStart: true,
          dropoffWindowEnd: true,
          eta: true,
          createdAt: true,
          updatedAt: true,
          partner: { select: { name: true, contactEmail: true, timeZone: true } },
          events: { select: { fromStatus: true, toStatus: true, createdAt: true }, orderBy: { version: "asc" } },
          _count: { select: { proofs: true } },
        },
      })
    : null;
  if (!delivery) throw new AppError("not_found", "No delivery with this tracking code.");
  return {
    trackingCode: delivery.trackingCode,
    status: delivery.status,
    deliveryDate: isoDate(delivery.deliveryDate),
    dropoffWindow: windowOf(delivery.dropoffWindowStart, delivery.dropoffWindowEnd),
    eta: delivery.eta?.toISOString() ?? null,
    timeZone: delivery.partner.timeZone,
    partner: { name: delivery.partner.name, contactEmail: delivery.partner.contactEmail },
    createdAt: delivery.createdAt.toISOString(),
    updatedAt: delivery.updatedAt.toISOString(),
    // A reassignment (ASSIGNED → ASSIGNED) is dispatch's business, not a step of the delivery.
    timeline: delivery.events
      .filter((e) => e.fromStatus !== e.toStatus)
      .map((e) => ({ status: e.toStatus, at: e.createdAt.toISOString() })),
    /** Delivered with proof (code, photo or signature) on file; the proof itself is never public. */
    proofOnFile: delivery.status === "COMPLETED" && delivery._count.proofs > 0,
  };
}
