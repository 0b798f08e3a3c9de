import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { Notice } from "@/components/notice";
import { StatusBadge } from "@/components/status-badge";
import { Timeline } from "@/components/deliveries/timeline";
import { TrackCodeForm, TrackingShell } from "@/components/tracking/track-code-form";
import { orNotFound } from "@/lib/auth/page-guard";
import { trackingBucket } from "@/lib/auth/rate-limits";
import { hit } from "@/lib/rate-limit";
import { getFormatter } from "@/lib/format-request";
import { trackDelivery } from "@/lib/deliveries/track-delivery";
import { TRACKING_CODE_PATTERN, normalizeTrackingCode } from "@/lib/deliveries/tracking-code";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { LiveRefresh } from "@/components/live/live-refresh";

export const metadata: Metadata = { title: "Track a delivery", robots: { index: false } };

/** What the status means for the person waiting, and what happens next, in plain words. */
const NEXT_STEP: Record<DeliveryStatus, (partner: string) => string> = {
  CREATED: (p) => `${p} has booked this delivery. It will be picked up before the planned date.`,
  ASSIGNED: () => "A courier has been assigned to this delivery. It will be picked up before the planned date.",
  IN_TRANSIT: () => "Your delivery is on its way.",
  COMPLETED: () => "Your delivery has been delivered.",
  FAILED: (p) =>
    `The courier could not hand it over, for example because nobody was there or the address could not be found. It will not be tried again by itself: ${p} will contact you to arrange another delivery, or you can contact them.`,
  CANCELLED: (p) =>
    `${p} cancelled this delivery, so it will not be delivered. If you still expect it, contact ${p}: they know why.`,
};

// Public: status, timeline and the partner. trackDelivery() selects no recipient, contact or address data.
export default async function TrackPage({ params }: { params: Promise<{ trackingCode: string }> }) {
  const { trackingCode } = await params;
  // Counted like the API (one bucket per client): past the limit no code is looked up at all.
  const limit = await hit([trackingBucket(await headers())]);
  if (!limit.allowed) {
    return (
      <TrackingShell>
        <h1 className="page-title">Track a delivery</h1>
        <Notice tone="warning" testId="tracking-throttled">
          Too many lookups from your connection. Try again in {limit.resetSeconds} seconds.
        </Notice>
      </TrackingShell>
    );
  }
  const code = normalizeTrackingCode(decodeURIComponent(trackingCode));
  // A link typed by hand (lower case, no prefix) lands on the one address of its code.
  if (code !== decodeURIComponent(trackingCode) && TRACKING_CODE_PATTERN.test(code))
    redirect(`/track/${encodeURIComponent(code)}`);
  const tracking = await orNotFound(trackDelivery(code));
  const format = await getFormatter();
  const partner = tracking.partner.name;
  return (
    <TrackingShell>
      <LiveRefresh src={`/api/v1/tracking/${encodeURIComponent(tracking.trackingCode)}/live`} />
      <header className="grid gap-1">
        <p className="text-sm text-slate-600">
          A delivery from <strong className="text-slate-900">{partner}</strong>
        </p>
        <h1 className="page-title whitespace-nowrap font-mono" data-testid="tracking-code">
          {tracking.trackingCode}
        </h1>
      </header>
      <section className="card grid gap-3" aria-labelledby="status-heading" data-testid="tracking-status">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="status-heading" className="text-sm font-medium text-slate-600">
            Current status
          </h2>
          <StatusBadge status={tracking.status} />
        </div>
        <p className="text-sm text-slate-900" data-testid="tracking-next-step">
          {NEXT_STEP[tracking.status](partner)}
        </p>
        {tracking.dropoffWindow ? (
          <p className="text-sm text-slate-700" data-testid="tracking-window">
            Expected: <strong>{format.window(tracking.dropoffWindow, tracking.timeZone)}</strong>{" "}
            <span className="text-slate-600">{`(times in ${tracking.timeZone})`}</span>
          </p>
        ) : (
          <p className="text-sm text-slate-700">
            Planned delivery date: <strong>{format.calendarDate(tracking.deliveryDate)}</strong>
          </p>
        )}
        {tracking.eta && (
          <p className="text-sm text-slate-700" data-testid="tracking-eta">
            Estimated arrival: <strong>{format.dateTimeIn(tracking.eta, tracking.timeZone)}</strong>
          </p>
        )}
        {tracking.proofOnFile && (
          <p className="text-sm" data-testid="proof-on-file">
            Delivered, proof on file.
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-3 text-base font-semibold">
          History
        </h2>
        <Timeline
          events={tracking.timeline.map((e, i) => ({
            key: String(i),
            status: e.status,
            at: e.at,
            when: format.dateTime(e.at),
          }))}
        />
      </section>
      <section className="card grid gap-1 text-sm" aria-labelledby="contact-heading" data-testid="tracking-contact">
        <h2 id="contact-heading" className="font-semibold">
          Questions about this delivery?
        </h2>
        <p className="text-slate-700">
          {tracking.partner.contactEmail ? (
            <>
              Contact {partner} at{" "}
              <a href={`mailto:${tracking.partner.contactEmail}`} className="link break-all">
                {tracking.partner.contactEmail}
              </a>
              , quoting the tracking code.
            </>
          ) : (
            `Contact ${partner}, quoting the tracking code.`
          )}
        </p>
      </section>
      <details className="card text-sm">
        <summary className="cursor-pointer font-medium">Track another delivery</summary>
        <div className="mt-3">
          <TrackCodeForm />
        </div>
      </details>
    </TrackingShell>
  );
}
