"use server";

import { z } from "zod";
import { runFormAction, type FormState } from "@/lib/api/form-action";
import { confirmImport } from "@/lib/imports/confirm-import";
import { discardImport } from "@/lib/imports/discard-import";

const importIdSchema = z.object({ id: z.uuid() });

export async function confirmImportAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction({
    permission: "imports.manage",
    schema: importIdSchema,
    form,
    run: (actor, { id }) => confirmImport({ actor, id }),
    redirect: (summary) => `/deliveries/import/${summary.id}`,
  });
}

export async function discardImportAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction({
    permission: "imports.manage",
    schema: importIdSchema,
    form,
    run: (actor, { id }) => discardImport({ actor, id }),
    redirect: () => "/deliveries/import",
  });
}
