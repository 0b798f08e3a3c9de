"use client";

// Unexpected failures: a calm message and a retry; details stay in the server log (digest).
import { Button } from "@/components/ui/button";

export function ErrorMessage({
  error,
  reset,
  inShell = false,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  /** Inside the signed-in shell, whose layout already is the page's one `<main id="main">`. */
  inShell?: boolean;
}) {
  const Landmark = inShell ? "div" : "main";
  return (
    <Landmark
      id={inShell ? undefined : "main"}
      className="mx-auto max-w-md px-4 py-16 text-center"
      data-testid="error-page"
    >
      <h1 className="page-title">Something went wrong</h1>
      <p className="mt-3 text-slate-600">The page could not be loaded. Please try again in a moment.</p>
      {error.digest && <p className="mt-2 text-xs text-slate-500">Reference: {error.digest}</p>}
      <Button variant="primary" onClick={reset} className="mt-6">
        Try again
      </Button>
    </Landmark>
  );
}
