// Input checked against its one zod schema; failures become the domain's validation error.
import type { z } from "zod";
import { AppError, type FieldError } from "@/lib/core/errors";

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.join(".") : "(body)",
    message: issue.code === "unrecognized_keys" ? `Unknown field(s): ${issue.keys.join(", ")}` : issue.message,
  }));
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what = "request"): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError("validation_failed", `The ${what} is not valid.`, { errors: fieldErrors(result.error) });
  }
  return result.data;
}
