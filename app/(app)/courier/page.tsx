import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/notice";
import { LateBadge } from "@/components/deliveries/late-badge";
import { StatusBadge } from "@/components/status-badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { listMyDeliveries } from "@/lib/deliveries/list-my-deliveries";
import type { Formatter } from "@/lib/core/format";
import { getFormatter } from "@/lib/format-request";
import { StartButton } from "./start-button";
import { LiveRefresh } from "@/components/live/live-refresh";

export const metadata: Metadata = { title: "My deliveries" };

const DONE = { COMPLETED: "delivered", FAILED: "marked not delivered" } as const;

type Row = Awaited<ReturnType<typeof listMyDeliveries>>["today"][number];

function DeliveryCard({ d, format }: { d: Row; format: Formatter }) {
  return (
    <li className="card grid gap-3" data-testid={`my-delivery-${d.trackingCode}`}>
      <div className="flex items-center justify-between gap-2">
        <Link href={`/courier/${d.id}`} className="link font-mono text-base">
          {d.trackingCode}
        </Link>
        <span className="flex flex-wrap items-center justify-end gap-1.5">
          <LateBadge late={d.late} />
          <StatusBadge status={d.status} />
        </span>
      </div>
      <p className="text-base font-medium break-words">{d.dropoffAddress}</p>
      <p className="text-sm text-slate-600">
        For {d.recipientName} · {d.partner.name} ·{" "}
        <span data-testid="due">
          {d.dropoffWindowStart && d.dropoffWindowEnd
            ? `${format.window({ from: d.dropoffWindowStart, to: d.dropoffWindowEnd }, d.partner.timeZone)} (${d.partner.timeZone})`
            : format.calendarDate(d.deliveryDate)}
        </span>
      </p>
      {d.status === "ASSIGNED" ? (
        <StartButton id={d.id} version={d.version} trackingCode={d.trackingCode} />
      ) : (
        <ButtonLink href={`/courier/${d.id}`} variant="primary" className="w-full">
          Complete or fail <span className="sr-only">delivery {d.trackingCode}</span>
        </ButtonLink>
      )}
    </li>
  );
}

function Section({ title, rows, id, format }: { title: string; rows: Row[]; id: string; format: Formatter }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby={id} className="grid gap-3">
      <h2 id={id} className="text-base font-semibold">
        {title} <span className="font-normal text-slate-600">({rows.length})</span>
      </h2>
      <ul className="grid gap-3">
        {rows.map((d) => (
          <DeliveryCard key={d.id} d={d} format={format} />
        ))}
      </ul>
    </section>
  );
}

export default async function MyDeliveriesPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string; status?: string }>;
}) {
  const actor = await requireActor(PAGES.myDeliveries);
  const { done, status } = await searchParams;
  const [{ today, later, doneToday }, format] = await Promise.all([listMyDeliveries({ actor }), getFormatter()]);
  const finished = done && (status === "COMPLETED" || status === "FAILED") ? { done, label: DONE[status] } : null;
  return (
    <div className="mx-auto grid w-full max-w-xl gap-5">
      <LiveRefresh />
      <PageHeader
        title="My deliveries"
        description={`${today.length} for today · ${doneToday} finished today. Today's and overdue ones come first, by due time.`}
      />
      {finished && (
        <Notice tone="success" testId="courier-done">
          {finished.done} is {finished.label}.
        </Notice>
      )}
      {today.length + later.length === 0 ? (
        <EmptyState
          title="Nothing assigned to you"
          description="Dispatch assigns deliveries to you; they appear here."
          testId="courier-empty"
        />
      ) : (
        <>
          <Section id="today-heading" title="Today" rows={today} format={format} />
          <Section id="later-heading" title="Later" rows={later} format={format} />
        </>
      )}
    </div>
  );
}
