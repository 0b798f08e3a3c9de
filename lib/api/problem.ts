// The one mapping from the domain's error to RFC 9457 problem+json.
import { STATUS, type AppError, type FieldError } from "@/lib/core/errors";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export function problemFor(error: AppError, instance?: string): Problem {
  const { status, title } = STATUS[error.code];
  return {
    type: `/problems/${error.code.replaceAll("_", "-")}`,
    title,
    status,
    detail: error.message,
    ...(instance ? { instance } : {}),
    ...error.details,
  };
}
