// Typed events (DESIGN §7). Their payloads are written by lib/deliveries into OutboxEvent rows in
// the same transaction as the change; the relay sends them with the row id as the event id.
import { eventType } from "inngest";
import { z } from "zod";

const status = z.enum(["CREATED", "IN_TRANSIT", "COMPLETED", "FAILED", "CANCELLED"]);

export const deliveryCreatedData = z.object({
  deliveryId: z.uuid(),
  partnerId: z.uuid(),
  trackingCode: z.string(),
  status: z.literal("CREATED"),
  occurredAt: z.string(),
});

export const deliveryStatusChangedData = z.object({
  deliveryId: z.uuid(),
  partnerId: z.uuid(),
  trackingCode: z.string(),
  from: status,
  to: status,
  reason: z.string().nullable(),
  version: z.number().int(),
  occurredAt: z.string(),
});

export type DeliveryCreatedData = z.infer<typeof deliveryCreatedData>;
export type DeliveryStatusChangedData = z.infer<typeof deliveryStatusChangedData>;

export const deliveryCreated = eventType("delivery/created", { schema: deliveryCreatedData });
export const deliveryStatusChanged = eventType("delivery/status.changed", { schema: deliveryStatusChangedData });
