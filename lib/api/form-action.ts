// The shape every admin/settings server action shares: who is calling (re-checked against the
// permission table), the input through its one zod schema, one domain call, and errors turned
// into messages a form can show. Keeps the actions themselves to a few lines of intent.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { fieldErrors } from "@/lib/api/field-errors";
import { actionActor, type UserActor } from "@/lib/auth/page-guard";
import type { Permission } from "@/lib/auth/permissions";

export interface FormState<R = unknown> {
  ok?: string;
  error?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  result?: R;
  /** Changes on every submission, so an identical message still shows again. */
  at?: number;
}

export async function runFormAction<S extends z.ZodType, R>(options: {
  permission: Permission;
  schema: S;
  form: FormData;
  run: (actor: UserActor, input: z.infer<S>) => Promise<R>;
  ok: (result: R) => string;
  revalidate: string;
}): Promise<FormState<R>> {
  const at = Date.now();
  const values: Record<string, string> = {};
  for (const [key, value] of options.form.entries())
    if (!key.startsWith("$") && typeof value === "string") values[key] = value;
  const actor = await actionActor(options.permission);
  if (!actor) return { error: "Not found, or you may not do this.", at };
  const parsed = options.schema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error), at };
  try {
    const result = await options.run(actor, parsed.data);
    revalidatePath(options.revalidate);
    return { ok: options.ok(result), result, at };
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return { values, error: error.message, at };
    throw error;
  }
}
