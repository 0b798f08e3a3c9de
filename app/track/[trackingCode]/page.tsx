import type { Metadata } from "next";
import { StatusBadge } from "@/components/status-badge";
import { Timeline } from "@/components/deliveries/timeline";
import { orNotFound } from "@/lib/auth/page-guard";
import { trackDelivery } from "@/lib/deliveries/track-delivery";

export const metadata: Metadata = { title: "Track a delivery", robots: { index: false } };

// Public: status and timeline only. trackDelivery() selects no recipient, contact or address data.
export default async function TrackPage({ params }: { params: Promise<{ trackingCode: string }> }) {
  const { trackingCode } = await params;
  const tracking = await orNotFound(trackDelivery(decodeURIComponent(trackingCode)));
  return (
    <main id="main" className="mx-auto grid max-w-xl gap-6 px-4 py-10">
      <header>
        <p className="text-sm text-slate-600">Delivery by {tracking.partner.name}</p>
        <h1 className="page-title mt-1 font-mono" data-testid="tracking-code">
          {tracking.trackingCode}
        </h1>
      </header>
      <section className="card grid gap-2" aria-labelledby="status-heading">
        <h2 id="status-heading" className="text-sm font-medium text-slate-600">
          Current status
        </h2>
        <div>
          <StatusBadge status={tracking.status} />
        </div>
        <p className="text-sm">
          Planned delivery date: <strong>{tracking.deliveryDate}</strong>
        </p>
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
        <Timeline events={tracking.timeline.map((e, i) => ({ key: String(i), status: e.status, at: e.at }))} />
      </section>
    </main>
  );
}
