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

/** Shows a server action's outcome as a toast (sonner announces it through an aria-live region). */
export function ActionToast({ state, id = "action" }: { state: ActionResult; id?: string }) {
  useSessionRecovery(id, state);
  useEffect(() => {
    if (state.ok) toast.success(state.ok);
    else if (state.error) toast.error(state.error);
  }, [state]);
  return null;
}
