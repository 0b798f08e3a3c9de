// To the person receiving the parcel (when the partner gave their email): platform text, the
// partner's name and our tracking link only — nothing a partner typed, so the platform cannot be
// made to mail anyone words of a partner's choosing.
import { Text } from "@react-email/components";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { trackingPageUrl } from "@/lib/links";
import { EmailLayout } from "@/lib/email/templates/layout";

export interface RecipientUpdateProps {
  partnerName: string;
  trackingCode: string;
  status: DeliveryStatus;
  deliveryDate: string;
  /** The code to give the courier at the door (partners asking for delivery codes, "on its way" only). */
  deliveryCode?: string | null;
}

const HEADLINE: Record<DeliveryStatus, (code: string) => string> = {
  CREATED: (code) => `Your delivery ${code} is booked`,
  ASSIGNED: (code) => `Your delivery ${code} has a courier`,
  IN_TRANSIT: (code) => `Your delivery ${code} is on its way`,
  COMPLETED: (code) => `Your delivery ${code} has been delivered`,
  FAILED: (code) => `Your delivery ${code} could not be delivered`,
  CANCELLED: (code) => `Your delivery ${code} was cancelled`,
};

export const recipientUpdateSubject = (p: RecipientUpdateProps) => HEADLINE[p.status](p.trackingCode);

export function RecipientUpdateEmail(p: RecipientUpdateProps) {
  const headline = HEADLINE[p.status](p.trackingCode);
  return (
    <EmailLayout
      preview={headline}
      heading={headline}
      action={{ label: "Track your delivery", href: trackingPageUrl(p.trackingCode) }}
    >
      <Text>Hello,</Text>
      <Text>
        {p.status === "CREATED"
          ? `${p.partnerName} has booked a delivery for you, planned for ${p.deliveryDate}.`
          : `There is news about your delivery from ${p.partnerName}.`}{" "}
        Follow it on the tracking page with the code {p.trackingCode}.
      </Text>
      {p.deliveryCode && (
        <Text>
          Your delivery code is <strong data-delivery-code>{p.deliveryCode}</strong>. Give it to the courier when the
          parcel is handed over, and only then.
        </Text>
      )}
    </EmailLayout>
  );
}
