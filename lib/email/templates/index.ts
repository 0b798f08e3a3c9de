// One entry per kind of email: its subject and its react-email component.
import { DeliveryCreatedEmail, deliveryCreatedSubject } from "@/lib/email/templates/delivery-created";
import {
  DeliveryStatusChangedEmail,
  deliveryStatusChangedSubject,
} from "@/lib/email/templates/delivery-status-changed";
import { RecipientScheduleEmail, recipientScheduleSubject } from "@/lib/email/templates/recipient-schedule";
import { RecipientUpdateEmail, recipientUpdateSubject } from "@/lib/email/templates/recipient-update";
import { StuckDigestEmail, stuckDigestSubject } from "@/lib/email/templates/stuck-digest";
import { WebhookDisabledEmail, webhookDisabledSubject } from "@/lib/email/templates/webhook-disabled";

export const templates = {
  "delivery-created": { subject: deliveryCreatedSubject, Component: DeliveryCreatedEmail },
  "delivery-status-changed": { subject: deliveryStatusChangedSubject, Component: DeliveryStatusChangedEmail },
  "recipient-update": { subject: recipientUpdateSubject, Component: RecipientUpdateEmail },
  "recipient-schedule": { subject: recipientScheduleSubject, Component: RecipientScheduleEmail },
  "stuck-digest": { subject: stuckDigestSubject, Component: StuckDigestEmail },
  "webhook-disabled": { subject: webhookDisabledSubject, Component: WebhookDisabledEmail },
} as const;

export type TemplateName = keyof typeof templates;
export type TemplateProps<T extends TemplateName> = Parameters<(typeof templates)[T]["subject"]>[0];
