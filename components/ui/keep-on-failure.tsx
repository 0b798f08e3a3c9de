"use client";

// A dropped connection on submit must not cost what was typed. A server action whose request gets
// no answer throws in the browser, and the error page that follows wipes the form; wrapped here,
// it answers a state instead, with the typed values and `unreachable`, and the form offers a retry.
import { unstable_rethrow } from "next/navigation";
import { Notice } from "@/components/notice";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/api/form-action";
import { formValues } from "@/lib/core/form-values";

/**
 * `action`, answering `{ values, unreachable }` when its request fails. `omit`: fields not to put
 * back (a key the form sets itself on each submission).
 */
export function keepOnFailure<S extends FormState>(
  action: (state: S, form: FormData) => Promise<S>,
  omit: readonly string[] = [],
): (state: S, form: FormData) => Promise<S> {
  return async (state, form) => {
    try {
      return await action(state, form);
    } catch (error) {
      unstable_rethrow(error); // a redirect or another framework signal is no failure
      return { values: formValues(form, omit), unreachable: true, at: Date.now() } as S;
    }
  };
}

/** What a form shows after an unanswered submission: nothing lost, and a way to send it again. */
export function UnreachableNotice({ onRetry, testId = "form-unreachable" }: { onRetry: () => void; testId?: string }) {
  return (
    <Notice tone="error" testId={testId}>
      <p>Couldn’t reach the server: the connection may have dropped. What you entered is kept; Retry sends it again.</p>
      <div className="mt-3">
        <Button size="sm" onClick={onRetry}>
          Retry
        </Button>
      </div>
    </Notice>
  );
}
