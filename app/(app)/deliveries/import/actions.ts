"use server";

import { z } from "zod";
import { runFormAction, type FormState } from "@/lib/api/form-action";
import { confirmImport } from "@/lib/imports/confirm-import";

export async function confirmImportAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction({
    permission: "imports.manage",
    schema: z.object({ id: z.uuid() }),
    form,
    run: (actor, { id }) => confirmImport({ actor, id }),
    redirect: (summary) => `/deliveries/import/${summary.id}`,
  });
}
