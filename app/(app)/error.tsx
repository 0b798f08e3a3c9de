"use client";

// Inside the signed-in shell, so navigation stays usable after a failure; the shell's layout
// already holds the page's <main>, so the message is not a second one.
import { ErrorMessage } from "@/components/error-message";

export default function AppError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorMessage {...props} inShell />;
}
