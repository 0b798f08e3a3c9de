// What a route answers for a method it does not serve: 405 with Allow, a problem body and a
// request id, like every other answer (the framework's own 405 is bare).
import { withApi } from "@/lib/api/handler";
import { problem } from "@/lib/api/responses";
import { AppError } from "@/lib/core/errors";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type RouteHandler = ReturnType<typeof withApi>;

/** Handlers for every method but `served`: `export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST")`. */
export function otherMethods<S extends Method>(...served: S[]): Record<Exclude<Method, S>, RouteHandler> {
  const allow = [...served, ...(served.includes("GET" as S) ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse = withApi({ public: true }, async ({ request, requestId }) => {
    const error = new AppError(
      "method_not_allowed",
      `${request.method} is not served here; use ${served.join(" or ")}.`,
    );
    const response = problem(error, requestId);
    response.headers.set("allow", allow);
    return response;
  });
  const handlers = METHODS.filter((m) => !served.includes(m as S)).map((m) => [m, refuse]);
  return Object.fromEntries(handlers) as Record<Exclude<Method, S>, RouteHandler>;
}
