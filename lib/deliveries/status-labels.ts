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

/** What a status dialog says when a required reason is missing (checked in the browser and again on the server). */
export const REASON_REQUIRED_MESSAGE = "Write a reason: it is kept in the status history.";
