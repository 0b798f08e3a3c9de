import type { Metadata } from "next";
import { DeliverySchedule } from "@/components/deliveries/delivery-schedule";
import { ScheduleControls } from "@/components/deliveries/schedule-controls";
import { LiveRefresh } from "@/components/live/live-refresh";
import { can } from "@/lib/auth/permissions";
import { StatusBadge } from "@/components/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { orNotFound, requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { getMyDelivery } from "@/lib/deliveries/list-my-deliveries";
import { MAX_CODE_ATTEMPTS } from "@/lib/deliveries/proof/check-proof";
import { getFormatter } from "@/lib/format-request";
import { StartButton } from "../start-button";
import { FailForm, FinishForm } from "./finish-form";

export const metadata: Metadata = { title: "Delivery" };

export default async function CourierDeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(PAGES.myDeliveries, `/courier/${id}`);
  // Not assigned to this courier (or gone): the same 404 as a delivery that does not exist.
  const [d, format] = await Promise.all([orNotFound(getMyDelivery({ actor, id })), getFormatter()]);
  const fields: [string, React.ReactNode][] = [
    [
      "Deliver to",
      <>
        {d.dropoffAddress}{" "}
        {/* The maps app on the phone opens this address with directions from where the courier is. */}
        <a
          href={`https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(d.dropoffAddress)}`}
          className="link whitespace-nowrap"
          target="_blank"
          rel="noopener noreferrer"
        >
          Navigate
        </a>
      </>,
    ],
    ["Recipient", d.recipientName],
    [
      "Phone",
      d.recipientPhone ? (
        <span className="inline-flex flex-wrap items-center gap-2">
          {d.recipientPhone}
          {/* A thumb-sized button: the phone dials the recipient at the door. */}
          <a
            href={`tel:${d.recipientPhone.replace(/[^+0-9]/g, "")}`}
            className={buttonClass("secondary", "sm")}
            aria-label={`Call ${d.recipientName}`}
            data-testid="call-recipient"
          >
            Call
          </a>
        </span>
      ) : null,
    ],
    ["Pick up at", d.pickupAddress],
    ["Product", d.productName],
    ["Notes", d.notes],
    ["Delivery date", format.calendarDate(d.deliveryDate)],
    ["Partner", d.partner.name],
  ];
  return (
    <div className="mx-auto grid w-full max-w-xl gap-5">
      <PageHeader
        back={{ href: "/courier", label: "My deliveries" }}
        title={<span className="font-mono">{d.trackingCode}</span>}
        actions={<StatusBadge status={d.status} />}
      />
      <LiveRefresh deliveryId={d.id} />
      <DeliverySchedule
        delivery={d}
        timeZone={d.partner.timeZone}
        format={format}
        actions={
          d.status === "IN_TRANSIT" && can(actor, "deliveries.setEta") ? (
            <ScheduleControls id={d.id} version={d.version} timeZone={d.partner.timeZone} windows={{}} eta />
          ) : null
        }
      />
      <section aria-labelledby="details-heading" className="card">
        <h2 id="details-heading" className="sr-only">
          Details
        </h2>
        <dl className="grid gap-3">
          {fields
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
                <dd className="mt-0.5 break-words text-base">{value}</dd>
              </div>
            ))}
        </dl>
      </section>
      {d.status === "ASSIGNED" && (
        <section aria-labelledby="start-heading" className="card grid gap-3">
          <h2 id="start-heading" className="text-base font-semibold">
            Picked up?
          </h2>
          <StartButton id={d.id} version={d.version} trackingCode={d.trackingCode} />
        </section>
      )}
      {d.status === "IN_TRANSIT" && (
        <>
          <FinishForm
            id={d.id}
            version={d.version}
            requirement={d.partner.proofOfDelivery}
            codeLocked={d.proofCodeAttempts >= MAX_CODE_ATTEMPTS}
          />
          <FailForm id={d.id} version={d.version} />
        </>
      )}
    </div>
  );
}
