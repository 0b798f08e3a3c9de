// To the partner's contact: we stopped calling their webhook endpoint after repeated failures.
import { Text } from "@react-email/components";
import { webhookSettingsUrl } from "@/lib/links";
import { EmailLayout } from "@/lib/email/templates/layout";

export interface WebhookDisabledProps {
  partnerName: string;
  url: string;
  failures: number;
  lastError: string | null;
}

export const webhookDisabledSubject = (p: WebhookDisabledProps) =>
  `Your webhook endpoint was disabled after ${p.failures} failed attempts`;

export function WebhookDisabledEmail(p: WebhookDisabledProps) {
  return (
    <EmailLayout
      preview="We stopped sending webhooks to your endpoint."
      heading="Your webhook endpoint was disabled"
      action={{ label: "Check your webhook settings", href: webhookSettingsUrl() }}
    >
      <Text>Hello {p.partnerName},</Text>
      <Text>
        The last {p.failures} attempts to deliver events to {p.url} failed, so we disabled the endpoint. Fix it, then
        enable it again in your settings; events that occur while it is disabled are not sent.
      </Text>
      {p.lastError && <Text>Last error: {p.lastError}</Text>}
    </EmailLayout>
  );
}
