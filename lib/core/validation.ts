// Input checked against its one zod schema; failures become the domain's validation error.
import type { z } from "zod";
import { AppError, type FieldError } from "@/lib/core/errors";
import { CONTROL_MESSAGE, findControlChars } from "@/lib/core/text";

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.join(".") : "(body)",
    message: issue.code === "unrecognized_keys" ? `Unknown field(s): ${issue.keys.join(", ")}` : issue.message,
  }));
}

/** A field path fit to echo back: control characters in a key shown as U+FFFD. */
export function displayPath(path: (string | number)[]): string {
  if (!path.length) return "(body)";
  return path.map((p) => String(p).replace(/[\u0000-\u001F\u007F-\u009F]/g, "\uFFFD")).join(".");
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what = "request"): z.infer<S> {
  // Whatever a schema says about a field, no string with control characters gets past here.
  const hostile = findControlChars(value);
  if (hostile) {
    throw new AppError("validation_failed", `The ${what} is not valid.`, {
      errors: [{ path: displayPath(hostile), message: CONTROL_MESSAGE }],
    });
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError("validation_failed", `The ${what} is not valid.`, { errors: fieldErrors(result.error) });
  }
  return result.data;
}
