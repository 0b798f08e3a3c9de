import { TrackingShell } from "@/components/tracking/track-code-form";
import { UnknownCodeForm } from "@/components/tracking/unknown-code-form";

// An unknown code is answered here, with the box to try again: a recipient has no account.
export default function TrackingNotFound() {
  return (
    <TrackingShell>
      <section className="card grid gap-4" data-testid="tracking-not-found">
        <div className="grid gap-1">
          <h1 className="text-xl font-semibold text-slate-900">We could not find that delivery</h1>
          <p className="text-sm text-slate-700">
            Check the code and try again: it looks like DLV-7Q4K9M2X, and never contains 0, O, 1, I or L.
          </p>
        </div>
        <UnknownCodeForm />
      </section>
    </TrackingShell>
  );
}
