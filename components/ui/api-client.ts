"use client";

// The one way a component calls /api/v1: problem+json read once into a typed result, an ended
// session handled as forms handle it, and one message for a request that never reached the server.
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { keepDraft } from "@/components/ui/session-recovery";

export interface ApiFieldError {
  path: string;
  message: string;
}

export const NETWORK_FAILURE = "The request did not reach the server. Check your connection and try again.";

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  /** The server refused: `message` is the problem's detail, `errors` its field errors (maybe none). */
  | { ok: false; reason: "problem"; status: number; message: string; errors: ApiFieldError[] }
  /** 401: the session ended (signed out in another tab, expired). */
  | { ok: false; reason: "signed-out"; status: 401; message: string }
  /** No answer at all (offline, connection dropped): status 0. */
  | { ok: false; reason: "network"; status: 0; message: string };

interface ProblemBody {
  detail?: unknown;
  title?: unknown;
  errors?: unknown;
}

function fieldErrors(errors: unknown): ApiFieldError[] {
  if (!Array.isArray(errors)) return [];
  return errors.filter((e): e is ApiFieldError => typeof e?.path === "string" && typeof e?.message === "string");
}

/** One request, its answer as an ApiResult; never throws. */
export async function apiRequest<T>(path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, { cache: "no-store", ...init });
  } catch {
    return { ok: false, reason: "network", status: 0, message: NETWORK_FAILURE };
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { ok: true, status: response.status, data: body as T };
  const problem = (body ?? {}) as ProblemBody;
  const detail = typeof problem.detail === "string" ? problem.detail : undefined;
  if (response.status === 401) {
    return { ok: false, reason: "signed-out", status: 401, message: detail ?? "Your session has ended." };
  }
  const title = typeof problem.title === "string" ? problem.title : undefined;
  const message = detail ?? title ?? `The server answered ${response.status}.`;
  return { ok: false, reason: "problem", status: response.status, message, errors: fieldErrors(problem.errors) };
}

/**
 * `read` for background reads (polling): every outcome goes back to the caller, which tries again
 * later or stops. `send` for what the user asked for: an ended session keeps `draft` (this form's
 * id and typed values) and goes through sign-in and back, as a form's `signedOut` does.
 */
export function useApiClient() {
  const router = useRouter();
  return useMemo(
    () => ({
      read: <T>(path: string) => apiRequest<T>(path),
      async send<T>(path: string, init: RequestInit, draft: { id: string; values: Record<string, string> }) {
        const result = await apiRequest<T>(path, init);
        if (!result.ok && result.reason === "signed-out") router.push(keepDraft(draft.id, draft.values));
        return result;
      },
    }),
    [router],
  );
}
