// To the partner's contact: a delivery was submitted (by their staff or their API key).
import { Text } from "@react-email/components";
import { deliveryPageUrl, trackingPageUrl } from "@/lib/links";
import { EmailLayout } from "@/lib/email/templates/layout";

export interface DeliveryCreatedProps {
  partnerName: string;
  deliveryId: string;
  trackingCode: string;
  recipientName: string;
  dropoffAddress: string;
  deliveryDate: string;
}

export const deliveryCreatedSubject = (p: DeliveryCreatedProps) => `Delivery ${p.trackingCode} received`;

export function DeliveryCreatedEmail(p: DeliveryCreatedProps) {
  return (
    <EmailLayout
      preview={`We received delivery ${p.trackingCode} for ${p.recipientName}.`}
      heading={`Delivery ${p.trackingCode} received`}
      action={{ label: "View the delivery", href: deliveryPageUrl(p.deliveryId) }}
      secondary={{ label: "Tracking page for your customer", href: trackingPageUrl(p.trackingCode) }}
    >
      <Text>Hello {p.partnerName},</Text>
      <Text>
        We received your delivery request {p.trackingCode} for {p.recipientName}, to {p.dropoffAddress}, planned for{" "}
        {p.deliveryDate}. We will let you know as it moves.
      </Text>
    </EmailLayout>
  );
}
