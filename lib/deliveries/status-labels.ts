// One vocabulary for statuses (UI, emails, notifications): what people read instead of the enum.
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

export const STATUS_LABELS: Record<DeliveryStatus, string> = {
  CREATED: "Created",
  ASSIGNED: "Assigned",
  IN_TRANSIT: "In transit",
  COMPLETED: "Delivered",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

/** The label inside a sentence: "is now in transit". */
export const statusWord = (status: DeliveryStatus) => STATUS_LABELS[status].toLowerCase();
