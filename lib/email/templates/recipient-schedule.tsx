// To the recipient when the time of their delivery is news: the courier's estimated arrival, or a
// new window after a reschedule. Platform text, the partner's name and the times only (a partner's
// reason is not mailed to anyone; see recipient-update.tsx).
import { Text } from "@react-email/components";
import { trackingPageUrl } from "@/lib/links";
import { EmailLayout } from "@/lib/email/templates/layout";

export interface RecipientScheduleProps {
  partnerName: string;
  trackingCode: string;
  kind: "eta" | "rescheduled";
  /** The ETA or the new window, already written in the partner's time zone (with the zone named). */
  when: string;
}

export const recipientScheduleSubject = (p: RecipientScheduleProps) =>
  p.kind === "eta"
    ? `Your delivery ${p.trackingCode} arrives around ${p.when}`
    : `Your delivery ${p.trackingCode} has a new time`;

export function RecipientScheduleEmail(p: RecipientScheduleProps) {
  const headline = recipientScheduleSubject(p);
  return (
    <EmailLayout
      preview={headline}
      heading={headline}
      action={{ label: "Track your delivery", href: trackingPageUrl(p.trackingCode) }}
    >
      <Text>Hello,</Text>
      <Text>
        {p.kind === "eta"
          ? `The courier with your delivery from ${p.partnerName} expects to arrive around ${p.when}.`
          : `${p.partnerName} has moved your delivery: it is now planned for ${p.when}.`}{" "}
        Follow it on the tracking page with the code {p.trackingCode}.
      </Text>
    </EmailLayout>
  );
}
