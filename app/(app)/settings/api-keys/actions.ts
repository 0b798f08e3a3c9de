"use server";

import { runFormAction, type FormState } from "@/lib/api/form-action";
import { createApiKeySchema, issueApiKey, revokeApiKey, revokeApiKeySchema } from "@/lib/auth/api-keys";

const PAGE = "/settings/api-keys";

export type IssuedKey = Awaited<ReturnType<typeof issueApiKey>>;

export async function createApiKeyAction(_state: FormState<IssuedKey>, form: FormData): Promise<FormState<IssuedKey>> {
  return runFormAction({
    permission: "apiKeys.manage",
    schema: createApiKeySchema,
    form,
    revalidate: PAGE,
    run: (actor, input) => issueApiKey({ actor, input }),
    ok: (key) => `API key “${key.name}” created. Copy the secret now: it is shown only once.`,
  });
}

export async function revokeApiKeyAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction({
    permission: "apiKeys.manage",
    schema: revokeApiKeySchema,
    form,
    revalidate: PAGE,
    // Scoped by the use case: another partner's key id is "not found".
    run: (actor, input) => revokeApiKey({ actor, input }),
    ok: (key) => `API key ${key.prefix}… revoked. Requests with it are refused from now on.`,
  });
}
