"use server";

import { runFormAction, type FormState } from "@/lib/api/form-action";
import { createStaffApiKeySchema, issueStaffApiKey, revokeApiKey, revokeApiKeySchema } from "@/lib/auth/api-keys";

const PAGE = "/admin/api-keys";

export type IssuedStaffKey = Awaited<ReturnType<typeof issueStaffApiKey>>;

export async function createStaffApiKeyAction(
  _state: FormState<IssuedStaffKey>,
  form: FormData,
): Promise<FormState<IssuedStaffKey>> {
  return runFormAction({
    permission: "apiKeys.manageStaff",
    schema: createStaffApiKeySchema,
    form,
    revalidate: PAGE,
    run: (actor, input) => issueStaffApiKey({ actor, input }),
    ok: (key) => `API key “${key.name}” created. Copy the secret now: it is shown only once.`,
  });
}

export async function revokeStaffApiKeyAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction({
    permission: "apiKeys.manageStaff",
    schema: revokeApiKeySchema,
    form,
    revalidate: PAGE,
    run: (actor, input) => revokeApiKey({ actor, input }),
    ok: (key) => `API key ${key.prefix}… revoked. Requests with it are refused from now on.`,
  });
}
