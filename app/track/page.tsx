import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TrackCodeForm, TrackingShell } from "@/components/tracking/track-code-form";
import { normalizeTrackingCode } from "@/lib/deliveries/tracking-code";

export const metadata: Metadata = { title: "Track a delivery", robots: { index: false } };

// /track – where a recipient types a code; /track?code=… opens that code's page.
export default async function TrackIndexPage({
  searchParams,
}: {
  searchParams: Promise<{ code?: string | string[] }>;
}) {
  const { code } = await searchParams;
  const typed = normalizeTrackingCode((Array.isArray(code) ? code[0] : code) ?? "");
  if (typed) redirect(`/track/${encodeURIComponent(typed)}`);
  return (
    <TrackingShell>
      <h1 className="page-title">Track a delivery</h1>
      <section className="card">
        <TrackCodeForm autoFocus />
      </section>
    </TrackingShell>
  );
}
