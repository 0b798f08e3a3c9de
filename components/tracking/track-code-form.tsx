// The code box of the public tracking pages: a plain GET form to /track, which opens the code's page.
import { Button } from "@/components/ui/button";

export function TrackCodeForm({ defaultValue, autoFocus }: { defaultValue?: string; autoFocus?: boolean }) {
  return (
    <form action="/track" className="grid gap-2" role="search" aria-label="Track a delivery">
      <label htmlFor="tracking-code-input" className="label">
        Tracking code
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="tracking-code-input"
          name="code"
          required
          maxLength={40}
          defaultValue={defaultValue}
          autoFocus={autoFocus}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          placeholder="DLV-7Q4K9M2X"
          aria-describedby="tracking-code-hint"
          className="input min-w-0 flex-1 font-mono uppercase"
        />
        <Button type="submit" variant="primary">
          Track
        </Button>
      </div>
      <p id="tracking-code-hint" className="text-xs text-slate-600">
        You find it in the message about your delivery, e.g. DLV-7Q4K9M2X.
      </p>
    </form>
  );
}

/** The frame of every public tracking page: calm, narrow, readable on a phone. */
export function TrackingShell({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="mx-auto grid max-w-xl gap-5 px-4 py-6 sm:py-10">
      <p className="text-sm font-semibold text-slate-900">Delivery tracking</p>
      {children}
    </main>
  );
}
