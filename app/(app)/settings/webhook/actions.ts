"use server";
// Server actions of /settings/webhook. Permission and partner scope are checked by the lib/
// functions for the signed-in actor; here only form data becomes the shared zod input.
import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/api/errors";
import { sessionActor } from "@/lib/auth";
import {
  revealWebhookSecret,
  rotateWebhookSecret,
  saveWebhookEndpoint,
  sendTestWebhook,
} from "@/lib/webhooks/manage-endpoint";
import { requestWebhookReplay } from "@/lib/webhooks/replay-missed";
import { webhookUrlSchema } from "@/lib/webhooks/schemas";

export interface WebhookActionState {
  message?: string;
  error?: string;
  secret?: string;
}

const partnerIdOf = (form: FormData) => (form.get("partnerId") as string | null) || undefined;

async function run(task: () => Promise<WebhookActionState>): Promise<WebhookActionState> {
  try {
    const result = await task();
    revalidatePath("/settings/webhook");
    return result;
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return { error: error.message };
    throw error;
  }
}

export async function webhookAction(_prev: WebhookActionState, form: FormData): Promise<WebhookActionState> {
  const scope = { actor: await sessionActor(), partnerId: partnerIdOf(form) };
  switch (form.get("intent")) {
    case "save":
      return run(async () => {
        const parsed = webhookUrlSchema.safeParse({ url: form.get("url") ?? "" });
        if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Invalid URL" };
        await saveWebhookEndpoint({ ...scope, input: parsed.data });
        return { message: "Saved. The endpoint is enabled." };
      });
    case "reveal":
      return run(async () => ({ secret: await revealWebhookSecret(scope) }));
    case "rotate":
      return run(async () => ({
        secret: await rotateWebhookSecret(scope),
        message: "New secret in effect; the old one no longer verifies.",
      }));
    case "test":
      return run(async () => {
        const r = await sendTestWebhook(scope);
        return r.ok
          ? { message: `Test event delivered: HTTP ${r.responseStatus} in ${r.durationMs} ms.` }
          : { error: `Test event failed: ${r.error}` };
      });
    case "replay":
      return run(async () => {
        const count = await requestWebhookReplay(scope);
        return { message: `${count} missed event(s) will be sent again, each with its original id.` };
      });
    default:
      return { error: "Unknown action." };
  }
}
