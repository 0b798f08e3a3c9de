// One error type for the whole domain, with the HTTP status each code maps to.
export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "invalid_transition"
  | "precondition_failed"
  | "idempotency_key_reused"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "service_unavailable"
  | "internal";

export const STATUS: Record<ErrorCode, { status: number; title: string }> = {
  bad_request: { status: 400, title: "Bad request" },
  validation_failed: { status: 400, title: "Validation failed" },
  unauthenticated: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  invalid_transition: { status: 409, title: "Invalid status transition" },
  precondition_failed: { status: 412, title: "Precondition failed" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  idempotency_key_reused: { status: 422, title: "Idempotency key reused with a different payload" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal server error" },
  service_unavailable: { status: 503, title: "Service unavailable" },
};

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { errors?: FieldError[] } & Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status() {
    return STATUS[this.code].status;
  }
}

/** Known database failures become domain errors; anything else is an internal error. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (uniqueViolation(error)) return new AppError("conflict", "This conflicts with an existing record.");
  if (isDatabaseUnavailable(error)) {
    return new AppError("service_unavailable", "The database is unavailable; try again shortly.");
  }
  return new AppError("internal", "An unexpected error occurred.");
}

// Raw queries report these inside P2010 ("Raw query failed"), model calls as P1001/P1017.
const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|terminating connection|Can't reach database server|Server has closed the connection/i;

function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (e.code === "P1001" || e.code === "P1017" || e.code === "57P01" || e.code === "ECONNREFUSED") return true;
  if (typeof e.message === "string" && UNAVAILABLE.test(e.message)) return true;
  return e.cause ? isDatabaseUnavailable(e.cause) : false;
}

/**
 * The unique constraint (index name) a write violated, or null when `error` is no unique violation.
 * Prisma 7 over @prisma/adapter-pg reports it as P2002 from model calls and as P2010 from raw
 * queries, both carrying the PostgreSQL error (23505) and the index in `meta.driverAdapterError`;
 * without an adapter P2002 names the columns in `meta.target` instead.
 */
export function uniqueViolation(error: unknown): { constraint: string } | null {
  if (!error || typeof error !== "object") return null;
  const e = error as Record<string, unknown> & { meta?: Record<string, unknown> };
  // The driver adapter's description of the PostgreSQL error, wherever Prisma put it.
  const adapter = (e.meta?.driverAdapterError as { cause?: unknown } | undefined)?.cause ?? e;
  const { kind, originalCode, constraint } = adapter as Record<string, unknown>;
  if (kind === "UniqueConstraintViolation" || originalCode === "23505") {
    const index = (constraint as { index?: unknown } | undefined)?.index;
    return { constraint: typeof index === "string" ? index : "" };
  }
  if (e.code === "P2002") {
    const target = e.meta?.target;
    return { constraint: Array.isArray(target) ? target.join(",") : String(target ?? "") };
  }
  if (e.code === "23505") return { constraint: typeof e.constraint === "string" ? e.constraint : "" };
  return e.cause ? uniqueViolation(e.cause) : null;
}
