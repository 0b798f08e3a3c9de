// The delivery representation of the API, from a Prisma row or a raw SQL row.
import { isoDate } from "@/lib/core/format";
import type { DeliveryDto } from "@/lib/deliveries/schemas";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { trackingPageUrl } from "@/lib/links";
import { isLate, windowOf } from "@/lib/deliveries/windows";

export interface DeliveryRow {
  id: string;
  trackingCode: string;
  status: DeliveryStatus;
  pickupAddress: string;
  dropoffAddress: string;
  recipientName: string;
  recipientPhone: string | null;
  recipientEmail: string | null;
  productName: string | null;
  packageWeightKg: { toString(): string } | number | null;
  deliveryDate: Date | string;
  notes: string | null;
  externalReference: string | null;
  pickupWindowStart: Date | null;
  pickupWindowEnd: Date | null;
  dropoffWindowStart: Date | null;
  dropoffWindowEnd: Date | null;
  eta: Date | null;
  attempt: number;
  /** When it is due (the list's time order); computed by the database. */
  dueAt: Date;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  partner: { id: string; name: string };
  /** Absent on rows that cannot have one yet (a delivery just created). */
  assignee?: { id: string; name: string | null } | null;
}

/** A delivery's schedule columns: its windows, ETA and attempt (the reads and the courier's screens). */
export const scheduleSelect = {
  pickupWindowStart: true,
  pickupWindowEnd: true,
  dropoffWindowStart: true,
  dropoffWindowEnd: true,
  eta: true,
  attempt: true,
} as const;

export const deliverySelect = {
  id: true,
  trackingCode: true,
  status: true,
  pickupAddress: true,
  dropoffAddress: true,
  recipientName: true,
  recipientPhone: true,
  recipientEmail: true,
  productName: true,
  packageWeightKg: true,
  deliveryDate: true,
  notes: true,
  externalReference: true,
  ...scheduleSelect,
  dueAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  partner: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
} as const;

export function serializeDelivery(row: DeliveryRow): DeliveryDto {
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    status: row.status,
    pickupAddress: row.pickupAddress,
    dropoffAddress: row.dropoffAddress,
    recipientName: row.recipientName,
    recipientPhone: row.recipientPhone,
    recipientEmail: row.recipientEmail,
    productName: row.productName,
    packageWeightKg: row.packageWeightKg === null ? null : Number(row.packageWeightKg.toString()),
    deliveryDate: isoDate(row.deliveryDate),
    notes: row.notes,
    externalReference: row.externalReference,
    pickupWindow: windowOf(row.pickupWindowStart, row.pickupWindowEnd),
    dropoffWindow: windowOf(row.dropoffWindowStart, row.dropoffWindowEnd),
    late: isLate(row),
    eta: row.eta?.toISOString() ?? null,
    attempt: row.attempt,
    partner: { id: row.partner.id, name: row.partner.name },
    assignee: row.assignee ? { id: row.assignee.id, name: row.assignee.name } : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    trackingUrl: trackingPageUrl(row.trackingCode),
  };
}
