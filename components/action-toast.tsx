"use client";

import { useEffect } from "react";
import { toast } from "sonner";
import { useSessionRecovery } from "@/components/ui/session-recovery";

export interface ActionResult {
  ok?: string;
  error?: string;
  /** Changes on every submission, so the same message twice still shows twice. */
  at?: number;
  /** The session ended: off to sign in and back here (components/ui/session-recovery.ts). */
  signedOut?: boolean;
  values?: Record<string, string>;
}

/**
 * A server action's outcome as a toast (sonner announces it through an aria-live region), and an
 * ended session as a trip through sign-in and back. Returns what was typed before that trip, for
 * the form `id` to show again (null when there was none).
 */
export function useActionFeedback(id: string, state: ActionResult): Record<string, string> | null {
  const draft = useSessionRecovery(id, state);
  useEffect(() => {
    if (state.ok) toast.success(state.ok);
    else if (state.error) toast.error(state.error);
  }, [state]);
  return draft;
}

/** useActionFeedback for a form with nothing to type (a button). */
export function ActionToast({ state, id = "action" }: { state: ActionResult; id?: string }) {
  useActionFeedback(id, state);
  return null;
}
