// To admins: deliveries that have sat in CREATED or IN_TRANSIT longer than the thresholds, and
// open deliveries past their drop-off window.
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { statusWord } from "@/lib/deliveries/status-labels";
import { Link, Section, Text } from "@react-email/components";
import { appUrl, deliveryPageUrl } from "@/lib/links";
import { EmailLayout } from "@/lib/email/templates/layout";

export interface StuckDigestProps {
  items: {
    deliveryId: string;
    trackingCode: string;
    partnerName: string;
    status: DeliveryStatus;
    stuckMinutes: number;
    /** A late delivery: minutes since its drop-off window ended. */
    lateMinutes?: number | null;
  }[];
}

const plural = (n: number) => (n === 1 ? "1 delivery is" : `${n} deliveries are`);
const hours = (minutes: number) => (minutes < 120 ? `${minutes} min` : `${Math.floor(minutes / 60)} h`);

export const stuckDigestSubject = (p: StuckDigestProps) => `${plural(p.items.length)} stuck`;

export function StuckDigestEmail(p: StuckDigestProps) {
  return (
    <EmailLayout
      preview={`${plural(p.items.length)} stuck and need attention.`}
      heading={`${plural(p.items.length)} stuck`}
      action={{ label: "Open the admin overview", href: appUrl("/admin") }}
    >
      <Text>These deliveries have not moved for longer than expected, or are past their drop-off window:</Text>
      <Section>
        {p.items.map((item) => (
          <Text key={`${item.deliveryId}:${item.status}:${item.lateMinutes != null ? "late" : "stuck"}`}>
            <Link href={deliveryPageUrl(item.deliveryId)}>{item.trackingCode}</Link> ({item.partnerName}) —{" "}
            {item.lateMinutes != null
              ? `late: ${statusWord(item.status)}, drop-off window ended ${hours(item.lateMinutes)} ago`
              : `${statusWord(item.status)} for ${hours(item.stuckMinutes)}`}
          </Text>
        ))}
      </Section>
    </EmailLayout>
  );
}
