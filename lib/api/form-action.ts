// The one server-action wrapper, as withApi is for route handlers: the caller re-checked against
// the permission table, the API's rate limits, the input through its one zod schema, one domain
// call, and errors turned into what a form shows.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { fieldErrors } from "@/lib/core/validation";
import { formValues } from "@/lib/core/form-values";
import { AppError } from "@/lib/core/errors";
import { currentActor, type UserActor } from "@/lib/auth/page-guard";
import { can, type Permission } from "@/lib/auth/permissions";
import { apiBuckets } from "@/lib/auth/rate-limits";
import { hit } from "@/lib/rate-limit";

/** What a form shows after a submission; `X` adds what one form shows beyond the usual. */
export type FormState<R = unknown, X extends object = object> = {
  ok?: string;
  error?: string;
  /** Messages beside fields, by field name. */
  errors?: Record<string, string>;
  /** What was typed, to fill the form in again after a refusal. */
  values?: Record<string, string>;
  result?: R;
  /** Changes on every submission, so an identical message still shows again. */
  at?: number;
  /**
   * The session ended (signed out in another tab, expired): the form keeps what was typed (in
   * `values`) and sends the user to sign in and back (components/ui/session-recovery.ts).
   */
  signedOut?: boolean;
  /**
   * Set in the browser, never by the server: the submission got no answer (connection dropped,
   * server down). The form keeps what was typed and offers a retry (components/ui/keep-on-failure.tsx).
   */
  unreachable?: boolean;
} & Partial<X>;

export interface FormActionOptions<S extends z.ZodType, R, X extends object = object> {
  permission: Permission;
  schema: S;
  form: FormData;
  /** Form strings → the schema's input where they differ (a number field, a blank meaning "absent"). */
  prepare?: (values: Record<string, string>) => unknown;
  /**
   * The form field an error path belongs to, where the form's fields are not the schema's
   * top-level keys (a window's `dropoffWindow.to` beside its own input); default: the first key.
   */
  fieldOf?: (path: string) => string;
  /** Fields the form does not show (hidden inputs): a problem with one is this one message. */
  hidden?: { fields: readonly string[]; message: string };
  run: (actor: UserActor, input: z.infer<S>) => Promise<R>;
  /** The message after success (omit when redirecting). */
  ok?: (result: R) => string | undefined;
  /** Where to go after success; the redirect happens after the state is settled, outside any catch. */
  redirect?: (result: R) => string;
  /** Pages showing what changed; revalidated after the domain call, also when it refused. */
  revalidate?: string | ((input: z.infer<S>) => string);
  /** Special answers to some domain errors (a stale version, a reused key); undefined: the usual. */
  onError?: (error: AppError, values: Record<string, string>) => NoInfer<FormState<R, X>> | undefined;
}

/** The outcome before Next's side effects (revalidation, redirect), so it can be tested directly. */
export interface Submission<R, X extends object> {
  state: FormState<R, X>;
  revalidate?: string;
  redirectTo?: string;
}

export async function submitForm<S extends z.ZodType, R, X extends object = object>(
  actor: UserActor | null,
  options: FormActionOptions<S, R, X>,
): Promise<Submission<R, X>> {
  const at = Date.now();
  const values = formValues(options.form);
  if (!actor) return { state: { error: "Not found, or you may not do this.", at } as FormState<R, X> };
  const limit = await hit(apiBuckets(actor));
  if (!limit.allowed) {
    const error = `Too many requests; try again in ${limit.resetSeconds} s. Nothing was changed.`;
    return { state: { values, error, at } as FormState<R, X> };
  }
  const parsed = options.schema.safeParse(options.prepare ? options.prepare(values) : values);
  if (!parsed.success) {
    const errors = errorsByField(fieldErrors(parsed.error), options.fieldOf);
    const hidden = options.hidden;
    if (hidden && Object.keys(errors).some((field) => hidden.fields.includes(field)))
      return { state: { values, error: hidden.message, at } as FormState<R, X> };
    return { state: { values, errors, at } as FormState<R, X> };
  }
  const revalidate = typeof options.revalidate === "function" ? options.revalidate(parsed.data) : options.revalidate;
  try {
    const result = await options.run(actor, parsed.data);
    const state = { ok: options.ok?.(result), result, at } as FormState<R, X>;
    return { state, revalidate, redirectTo: options.redirect?.(result) };
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    const special = options.onError?.(error, values);
    if (special) return { state: { ...special, at }, revalidate };
    const fields = error.details.errors;
    const state = fields?.length
      ? { values, errors: errorsByField(fields, options.fieldOf) }
      : { values, error: error.message };
    return { state: { ...state, at } as FormState<R, X>, revalidate };
  }
}

export async function runFormAction<S extends z.ZodType, R, X extends object = object>(
  options: FormActionOptions<S, R, X>,
): Promise<FormState<R, X>> {
  const session = await currentActor();
  // Signed out since the page loaded: not an error to show, but a sign-in to go through and come
  // back from with the typed values (the proxy lets action requests through to answer this).
  if (!session) return { signedOut: true, values: formValues(options.form), at: Date.now() } as FormState<R, X>;
  const actor = can(session, options.permission) ? session : null;
  const { state, revalidate, redirectTo } = await submitForm(actor, options);
  if (revalidate) revalidatePath(revalidate);
  if (redirectTo) redirect(redirectTo);
  return state;
}

/** The first message per field, as forms show them beside each input. */
function errorsByField(
  errors: { path: string; message: string }[],
  fieldOf: (path: string) => string = (path) => path.split(".")[0],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { path, message } of errors) out[fieldOf(path)] ??= message;
  return out;
}
