"use client";

import { useEffect } from "react";
import { toast } from "sonner";

export interface ActionResult {
  ok?: string;
  error?: string;
  /** Changes on every submission, so the same message twice still shows twice. */
  at?: number;
}

/** Shows a server action's outcome as a toast (sonner announces it through an aria-live region). */
export function ActionToast({ state }: { state: ActionResult }) {
  useEffect(() => {
    if (state.ok) toast.success(state.ok);
    else if (state.error) toast.error(state.error);
  }, [state]);
  return null;
}
