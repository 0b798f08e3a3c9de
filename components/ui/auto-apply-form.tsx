"use client";

// A filter form that applies itself: a box ticked or an option picked navigates at once, typed
// text after a pause. It stays a plain GET form (next/form), so the view lives in the URL and the
// submit button still works before JavaScript loads or for a search term sent with Enter.
import Form from "next/form";
import { useEffect, useRef } from "react";

const TYPING_PAUSE_MS = 500;

export function AutoApplyForm(props: React.ComponentProps<typeof Form>) {
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return (
    <Form
      {...props}
      onChange={(event) => {
        const form = event.currentTarget;
        const field = event.target as unknown as HTMLInputElement;
        window.clearTimeout(timer.current);
        if (field.type === "search" || field.type === "text") {
          timer.current = window.setTimeout(() => form.requestSubmit(), TYPING_PAUSE_MS);
        } else if (field.type !== "date" || field.value === "" || field.validity.valid) {
          form.requestSubmit();
        }
      }}
      onSubmit={(event) => {
        window.clearTimeout(timer.current);
        props.onSubmit?.(event);
      }}
    />
  );
}
