// To the partner's contact: one of their deliveries changed status.
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { statusWord } from "@/lib/deliveries/status-labels";
import { Text } from "@react-email/components";
import { deliveryPageUrl, trackingPageUrl } from "@/lib/links";
import { EmailLayout } from "@/lib/email/templates/layout";

export interface DeliveryStatusChangedProps {
  partnerName: string;
  deliveryId: string;
  trackingCode: string;
  recipientName: string;
  from: DeliveryStatus;
  to: DeliveryStatus;
  reason: string | null;
  /** Set when a courier was given the delivery: who has it now. */
  assigneeName?: string | null;
}

export const deliveryStatusChangedSubject = (p: DeliveryStatusChangedProps) =>
  p.assigneeName
    ? `Delivery ${p.trackingCode} is assigned to ${p.assigneeName}`
    : `Delivery ${p.trackingCode} is now ${statusWord(p.to)}`;

export function DeliveryStatusChangedEmail(p: DeliveryStatusChangedProps) {
  return (
    <EmailLayout
      preview={`${p.trackingCode}: ${statusWord(p.from)} → ${statusWord(p.to)}`}
      heading={deliveryStatusChangedSubject(p)}
      action={{ label: "View the delivery", href: deliveryPageUrl(p.deliveryId) }}
      secondary={{ label: "Tracking page", href: trackingPageUrl(p.trackingCode) }}
    >
      <Text>Hello {p.partnerName},</Text>
      {p.assigneeName ? (
        <Text>
          Courier {p.assigneeName} has your delivery {p.trackingCode} for {p.recipientName} and will deliver it.
        </Text>
      ) : (
        <Text>
          Your delivery {p.trackingCode} for {p.recipientName} moved from {statusWord(p.from)} to {statusWord(p.to)}.
        </Text>
      )}
      {p.reason && <Text>Reason: {p.reason}</Text>}
    </EmailLayout>
  );
}
