"use client";

import { useActionState } from "react";
import { ActionToast } from "@/components/action-toast";
import { SubmitButton } from "@/components/submit-button";
import { buttonClass } from "@/components/ui/button";
import type { FormState } from "@/lib/api/form-action";
import { courierMoveAction } from "./actions";

/** One tap: picked up, on the way (ASSIGNED → IN_TRANSIT). */
export function StartButton({ id, version, trackingCode }: { id: string; version: number; trackingCode: string }) {
  const [state, action] = useActionState<FormState, FormData>(courierMoveAction, {});
  return (
    <form action={action}>
      <ActionToast state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="status" value="IN_TRANSIT" />
      <SubmitButton pendingText="Starting…" className={buttonClass("primary", "md", "w-full")}>
        Start <span className="sr-only">delivery {trackingCode}</span>
      </SubmitButton>
    </form>
  );
}
