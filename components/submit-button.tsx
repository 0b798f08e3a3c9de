"use client";

import { useFormStatus } from "react-dom";
import { buttonClass } from "@/components/ui/button";

/** Disabled while its form is submitting, which also stops an accidental second click. */
export function SubmitButton({
  children,
  pendingText,
  className = buttonClass("primary"),
}: {
  children: React.ReactNode;
  pendingText: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? pendingText : children}
    </button>
  );
}
