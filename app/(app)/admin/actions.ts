"use server";

import { runFormAction, type FormState } from "@/lib/api/form-action";
import { retryOutbox } from "@/lib/outbox/retry-outbox";
import { retryOutboxSchema } from "@/lib/outbox/schemas";

export async function retryOutboxAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction({
    permission: "jobs.retry",
    schema: retryOutboxSchema,
    form,
    revalidate: "/admin",
    run: (actor, input) => retryOutbox({ actor, input }),
    ok: (count) => (count === 0 ? "Nothing was waiting." : `${count} waiting event(s) will be sent again now.`),
  });
}
