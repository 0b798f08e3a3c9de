"use client";

// A partner's time zone: a text field searching the page's list of IANA names (a native
// combobox: type "berl" to find Europe/Berlin), checked on the server by timeZoneSchema. The
// field is controlled and takes the saved value from the answer, so after Save it shows what was
// stored (in its canonical spelling), never the value the page was first rendered with.
import { useActionState, useId, useState } from "react";
import { ActionToast } from "@/components/action-toast";
import { SubmitButton } from "@/components/submit-button";
import { buttonClass } from "@/components/ui/button";
import { useOnAnswer } from "@/components/ui/use-answer";
import type { FormState } from "@/lib/api/form-action";
import { TIME_ZONES_LIST_ID } from "@/components/partners/time-zones";

export type TimeZoneState = FormState<{ id: string; name: string; timeZone: string }>;

export function TimeZoneForm({
  partnerId,
  partnerName,
  current,
  action,
}: {
  partnerId: string;
  partnerName: string;
  current: string;
  action: (state: TimeZoneState, form: FormData) => Promise<TimeZoneState>;
}) {
  const [state, dispatch] = useActionState<TimeZoneState, FormData>(action, {});
  const [saved, setSaved] = useState(current);
  const [value, setValue] = useState(current);
  const id = useId();
  const error = state.errors?.timeZone;
  useOnAnswer(state, (answer) => {
    if (answer.result) {
      setSaved(answer.result.timeZone);
      setValue(answer.result.timeZone);
    } else if (answer.values?.timeZone !== undefined) setValue(answer.values.timeZone);
  });
  return (
    <form
      action={dispatch}
      className="flex flex-wrap items-end gap-2"
      aria-label={`Time zone of ${partnerName}`}
      data-testid={`time-zone-form-${partnerId}`}
    >
      <ActionToast state={state} id={`time-zone-${partnerId}`} />
      <input type="hidden" name="id" value={partnerId} />
      <div className="min-w-0 grow sm:grow-0">
        <label htmlFor={id} className="label">
          Time zone
        </label>
        <input
          id={id}
          name="timeZone"
          list={TIME_ZONES_LIST_ID}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          className="input mt-1 w-full sm:w-64"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          Delivery windows are entered and shown in this zone. Saved:{" "}
          <span className="font-mono" data-testid="time-zone-saved">
            {saved}
          </span>
        </p>
        {error && (
          <p id={`${id}-error`} className="field-error" data-testid="error-timeZone">
            {error}
          </p>
        )}
      </div>
      <SubmitButton pendingText="Saving…" className={buttonClass("secondary", "sm")}>
        Save<span className="sr-only"> the time zone of {partnerName}</span>
      </SubmitButton>
    </form>
  );
}
