// To the partner's contact: one of their deliveries changed status.
import { Text } from "@react-email/components";
import { deliveryPageUrl, STATUS_LABEL, trackingPageUrl, type StatusName } from "@/lib/email/links";
import { EmailLayout } from "@/lib/email/templates/layout";

export interface DeliveryStatusChangedProps {
  partnerName: string;
  deliveryId: string;
  trackingCode: string;
  recipientName: string;
  from: StatusName;
  to: StatusName;
  reason: string | null;
}

export const deliveryStatusChangedSubject = (p: DeliveryStatusChangedProps) =>
  `Delivery ${p.trackingCode} is now ${STATUS_LABEL[p.to]}`;

export function DeliveryStatusChangedEmail(p: DeliveryStatusChangedProps) {
  return (
    <EmailLayout
      preview={`${p.trackingCode}: ${STATUS_LABEL[p.from]} → ${STATUS_LABEL[p.to]}`}
      heading={`Delivery ${p.trackingCode} is now ${STATUS_LABEL[p.to]}`}
      action={{ label: "View the delivery", href: deliveryPageUrl(p.deliveryId) }}
      secondary={{ label: "Tracking page", href: trackingPageUrl(p.trackingCode) }}
    >
      <Text>Hello {p.partnerName},</Text>
      <Text>
        Your delivery {p.trackingCode} for {p.recipientName} moved from {STATUS_LABEL[p.from]} to {STATUS_LABEL[p.to]}.
      </Text>
      {p.reason && <Text>Reason: {p.reason}</Text>}
    </EmailLayout>
  );
}
