"use server";

import { z } from "zod";
import { runFormAction, type FormState } from "@/lib/api/form-action";
import { retryRun } from "@/lib/background/list-runs";

export async function retryRunAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction({
    permission: "jobs.retry",
    schema: z.object({ id: z.uuid() }),
    form,
    revalidate: "/admin/runs",
    run: (actor, { id }) => retryRun({ actor, id }),
    ok: () => "The run is queued again; its finished steps are not repeated.",
  });
}
