"use server";

import { runFormAction, type FormState } from "@/lib/api/form-action";
import {
  revealWebhookSecret,
  rotateWebhookSecret,
  saveWebhookEndpoint,
  sendTestWebhook,
} from "@/lib/webhooks/manage-endpoint";
import { requestWebhookReplay } from "@/lib/webhooks/replay-missed";
import { webhookFormSchema, type WebhookFormInput } from "@/lib/webhooks/schemas";
import type { UserActor } from "@/lib/auth/page-guard";

/** What one button of the form did: a message, and the signing secret when it was asked for. */
interface WebhookOutcome {
  message: string;
  secret?: string;
  /** The test event's result, for the result panel. */
  test?: { ok: boolean; responseStatus: number | null; durationMs: number; error: string | null };
}

export type WebhookActionState = FormState<WebhookOutcome>;

async function perform(actor: UserActor, input: WebhookFormInput): Promise<WebhookOutcome> {
  const scope = { actor, input: { partnerId: input.partnerId } };
  switch (input.intent) {
    case "save":
      await saveWebhookEndpoint({ actor, input });
      return { message: "Saved. The endpoint is enabled." };
    case "reveal":
      return { message: "Signing secret shown below.", secret: await revealWebhookSecret(scope) };
    case "rotate":
      return {
        message: "New secret in effect; the old one no longer verifies.",
        secret: await rotateWebhookSecret(scope),
      };
    case "test": {
      const r = await sendTestWebhook(scope);
      const test = { ok: r.ok, responseStatus: r.responseStatus, durationMs: r.durationMs, error: r.error };
      return { message: r.ok ? "Test event delivered." : "The test event did not get through.", test };
    }
    case "replay": {
      const count = await requestWebhookReplay(scope);
      return { message: `${count} missed event(s) will be sent again, each with its original id.` };
    }
  }
}

export async function webhookAction(_prev: WebhookActionState, form: FormData): Promise<WebhookActionState> {
  return runFormAction({
    permission: "webhooks.manage",
    schema: webhookFormSchema,
    form,
    revalidate: "/settings/webhook",
    run: perform,
    // The test result has its own panel; the other outcomes are a toast.
    ok: (outcome) => (outcome.test ? undefined : outcome.message),
  });
}
