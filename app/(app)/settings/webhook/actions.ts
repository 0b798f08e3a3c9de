"use server";

import { runFormAction, type FormState } from "@/lib/api/form-action";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from "@/lib/webhooks/manage-endpoint";
import { requestWebhookReplay } from "@/lib/webhooks/replay-missed";
import { resendWebhookMessage } from "@/lib/webhooks/resend-message";
import { WEBHOOK_EVENT_TYPES, webhookFormSchema, type WebhookFormInput } from "@/lib/webhooks/schemas";
import type { UserActor } from "@/lib/auth/page-guard";

/** What one button did: a message, the secret when one was issued, a test event's result. */
interface WebhookOutcome {
  message: string;
  secret?: string;
  /** The test event's result, for the result panel. */
  test?: { ok: boolean; responseStatus: number | null; durationMs: number; error: string | null };
}

export type WebhookActionState = FormState<WebhookOutcome>;

async function perform(actor: UserActor, input: WebhookFormInput): Promise<WebhookOutcome> {
  const target = { partnerId: input.partnerId };
  switch (input.intent) {
    case "create": {
      const created = await createWebhookEndpoint({ actor, input: { ...input, ...target } });
      return { message: "Endpoint added and enabled.", secret: created.secret };
    }
    case "save":
      await updateWebhookEndpoint({
        actor,
        id: input.endpointId,
        input: { url: input.url, events: input.events, description: input.description ?? null },
      });
      return { message: "Saved. The endpoint is enabled." };
    case "enable":
      await updateWebhookEndpoint({ actor, id: input.endpointId, input: { enabled: true } });
      return { message: "The endpoint is enabled." };
    case "delete":
      await deleteWebhookEndpoint({ actor, id: input.endpointId });
      return { message: "Endpoint deleted." };
    case "rotate": {
      const rotated = await rotateWebhookSecret({ actor, id: input.endpointId });
      return { message: "New secret in effect; the old one signs too for 24 hours.", secret: rotated.secret };
    }
    case "test": {
      const r = await sendTestWebhook({ actor, id: input.endpointId });
      const test = { ok: r.ok, responseStatus: r.responseStatus, durationMs: r.durationMs, error: r.error };
      return { message: r.ok ? "Test event delivered." : "The test event did not get through.", test };
    }
    case "replay": {
      const count = await requestWebhookReplay({ actor, id: input.endpointId });
      return { message: `${count} missed event(s) will be sent again, each with its original id.` };
    }
    case "resend":
      await resendWebhookMessage({ actor, id: input.endpointId, messageId: input.messageId });
      return { message: "The message will be sent again with its original webhook-id." };
  }
}

export async function webhookAction(_prev: WebhookActionState, form: FormData): Promise<WebhookActionState> {
  return runFormAction({
    permission: "webhooks.manage",
    schema: webhookFormSchema,
    form,
    // One checkbox per event type (`event:<type>`), as the list the schema reads.
    prepare: (values) => ({ ...values, events: WEBHOOK_EVENT_TYPES.filter((t) => values[`event:${t}`] === "on") }),
    revalidate: "/settings/webhook",
    run: perform,
    // The test result and a new secret have their own panels; the other outcomes are a toast.
    ok: (outcome) => (outcome.test || outcome.secret ? undefined : outcome.message),
  });
}
