"use server";

import { z } from "zod";
import { runFormAction, type FormState } from "@/lib/api/form-action";
import { kickOutbox } from "@/lib/outbox/scheduler";
import { retryOutbox } from "@/lib/outbox/stats";

export async function retryOutboxAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction({
    permission: "jobs.retry",
    schema: z.object({}),
    form,
    revalidate: "/admin",
    run: async () => {
      const count = await retryOutbox();
      kickOutbox();
      return count;
    },
    ok: (count) => (count === 0 ? "Nothing was waiting." : `${count} waiting event(s) will be sent again now.`),
  });
}
