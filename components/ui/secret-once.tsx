"use client";

// A secret shown once, with a copy button and a note on what happens to it.
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SecretOnce({
  secret,
  note = "Copy this secret now. It is not stored and will not be shown again.",
}: {
  secret: string;
  note?: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="grid gap-2 rounded-md border border-amber-300 bg-amber-50 p-4" data-testid="new-secret">
      <p className="text-sm font-medium text-amber-900">{note}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1.5 font-mono text-sm"
          data-testid="secret-value"
        >
          {secret}
        </code>
        <Button
          data-testid="copy-secret"
          onClick={async () => {
            await navigator.clipboard.writeText(secret);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p aria-live="polite" className="sr-only">
        {copied ? "Secret copied to the clipboard" : ""}
      </p>
    </div>
  );
}
