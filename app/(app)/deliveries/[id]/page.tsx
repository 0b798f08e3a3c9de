import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/notice";
import { StatusBadge } from "@/components/status-badge";
import { Timeline } from "@/components/deliveries/timeline";
import { orNotFound, requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { can } from "@/lib/auth/permissions";
import { getDeliveryOrThrow } from "@/lib/deliveries/get-delivery";
import { listTimeline } from "@/lib/deliveries/list-timeline";
import { listProofs } from "@/lib/deliveries/proof/manage-proof";
import { canAssign, canReattempt, findTransition, isFinal, nextStatuses } from "@/lib/deliveries/state-machine";
import { reschedulableStatuses } from "@/lib/deliveries/reschedule-delivery";
import { ScheduleControls } from "@/components/deliveries/schedule-controls";
import { LiveRefresh } from "@/components/live/live-refresh";
import { getFormatter } from "@/lib/format-request";
import { listCouriers } from "@/lib/users/list-couriers";
import { ProofOnFile } from "@/components/deliveries/proof-on-file";
import { DeliverySchedule } from "@/components/deliveries/delivery-schedule";
import { instantToLocal, isLate } from "@/lib/deliveries/windows";
import { listPartnerTimeZones } from "@/lib/partners/list-partner-time-zones";
import { AssignPanel } from "./assign-panel";
import { TransitionPanel, type TransitionOption } from "./transition-panel";

export const metadata: Metadata = { title: "Delivery" };

type WindowText = (window: { from: string; to: string }) => string;

/** A reschedule's or a re-attempt's line in the history, from what the entry recorded. */
function historyNote(entry: { kind: string; details: Record<string, unknown> | null }, window: WindowText) {
  const d = (entry.details ?? {}) as {
    attempt?: number;
    dropoffWindow?: { from: string; to: string } | null;
    pickupWindow?: { from: string; to: string } | null;
  };
  if (entry.kind === "REATTEMPT") {
    return `Attempt ${d.attempt ?? "?"}${d.dropoffWindow ? `, drop-off ${window(d.dropoffWindow)}` : ""}`;
  }
  if (entry.kind === "RESCHEDULE") {
    const parts = [
      d.dropoffWindow ? `drop-off ${window(d.dropoffWindow)}` : null,
      d.pickupWindow ? `pickup ${window(d.pickupWindow)}` : null,
    ].filter(Boolean);
    return `Rescheduled${parts.length ? `: ${parts.join(", ")}` : ""}`;
  }
  return null;
}

const ACTION_LABELS = {
  IN_TRANSIT: "Mark picked up",
  COMPLETED: "Mark delivered",
  FAILED: "Mark failed",
  CANCELLED: "Cancel delivery",
  // ASSIGNED → CREATED: the assign control (assign-panel.tsx) gives deliveries to couriers.
  CREATED: "Unassign",
  ASSIGNED: "Assign",
} as const;

const NOTICES = {
  created: { tone: "success", text: "Delivery submitted. Its tracking code is ready to share." },
  duplicate: {
    tone: "info",
    text: "This delivery had already been submitted, so no second one was created. Here it is.",
  },
} as const;

export default async function DeliveryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  const { id } = await params;
  const { notice } = await searchParams;
  const actor = await requireActor(PAGES.deliveries, `/deliveries/${id}`);
  // Another partner's delivery and a missing one look the same: 404.
  const delivery = await orNotFound(getDeliveryOrThrow({ actor, id }));
  const [timeline, proofs, format, zones] = await Promise.all([
    listTimeline({ actor, id }),
    listProofs({ actor, id }),
    getFormatter(),
    listPartnerTimeZones({ actor, ids: [delivery.partner.id] }),
  ]);
  // Dispatch: the couriers, with today's load, when this delivery can be (re)assigned.
  const couriers =
    can(actor, "deliveries.assign") && canAssign(delivery.status, actor.role)
      ? (await listCouriers({ actor }))
          .filter((c) => c.active)
          .map((c) => ({
            id: c.id,
            label: `${c.name ?? c.email} — ${c.assigned} assigned, ${c.inTransit} in transit`,
          }))
      : null;
  const options: TransitionOption[] = can(actor, "deliveries.transition")
    ? nextStatuses(delivery.status, actor.role).map((to) => ({
        to,
        label: ACTION_LABELS[to],
        reasonRequired: findTransition(delivery.status, to)?.reasonRequired ?? false,
        final: isFinal(to),
      }))
    : [];
  const flash = notice === "created" || notice === "duplicate" ? NOTICES[notice] : null;
  const timeZone = zones.get(delivery.partner.id) ?? "UTC";
  // The schedule's controls this viewer may use now, and the windows they start from.
  const reschedule = reschedulableStatuses(actor).includes(delivery.status);
  const reattempt = can(actor, "deliveries.reattempt") && canReattempt(delivery.status, actor.role, delivery.attempt);
  const eta = can(actor, "deliveries.setEta") && delivery.status === "IN_TRANSIT";
  const local = (from: Date | null, to: Date | null) =>
    from && to ? { from: instantToLocal(from, timeZone), to: instantToLocal(to, timeZone) } : undefined;
  const localWindows = {
    pickupWindow: local(delivery.pickupWindowStart, delivery.pickupWindowEnd),
    dropoffWindow: local(delivery.dropoffWindowStart, delivery.dropoffWindowEnd),
  };

  const fields: [string, React.ReactNode][] = [
    ["Pickup address", delivery.pickupAddress],
    ["Drop-off address", delivery.dropoffAddress],
    ["Delivery date", format.calendarDate(delivery.deliveryDate)],
    ["Recipient", delivery.recipientName],
    ["Phone", delivery.recipientPhone],
    ["Email", delivery.recipientEmail],
    ["Product", delivery.productName],
    ["Weight", delivery.packageWeightKg === null ? null : `${format.number(Number(delivery.packageWeightKg))} kg`],
    // The partner's own order number: theirs to a partner, the partner's to everyone else.
    [actor.partnerId ? "Your reference" : "Reference", delivery.externalReference],
    ["Notes", delivery.notes],
    ["Partner", delivery.partner.name],
    ["Courier", delivery.assignee ? (delivery.assignee.name ?? "A courier") : null],
    ["Created", format.dateTime(delivery.createdAt)],
    ["Last change", format.dateTime(delivery.updatedAt)],
  ];

  return (
    <div className="grid gap-6">
      <LiveRefresh deliveryId={delivery.id} />
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/deliveries" className="link">
          ← All deliveries
        </Link>
      </nav>
      {flash && (
        <Notice tone={flash.tone} testId={`notice-${notice}`}>
          {flash.text}
        </Notice>
      )}
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="page-title whitespace-nowrap font-mono" data-testid="tracking-code">
          {delivery.trackingCode}
        </h1>
        <StatusBadge status={delivery.status} />
        <Link href={`/track/${delivery.trackingCode}`} className="link ml-auto text-sm">
          Public tracking page
        </Link>
      </header>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="grid content-start gap-6 lg:col-span-2">
          <DeliverySchedule
            delivery={{ ...delivery, late: isLate(delivery) }}
            timeZone={timeZone}
            format={format}
            actions={
              reschedule || reattempt || eta ? (
                <ScheduleControls
                  id={delivery.id}
                  version={delivery.version}
                  timeZone={timeZone}
                  windows={localWindows}
                  reschedule={reschedule}
                  reattempt={reattempt}
                  eta={eta}
                  keepCourier={!!delivery.assignee}
                />
              ) : null
            }
          />
          <section aria-labelledby="details-heading" className="card">
            <h2 id="details-heading" className="mb-3 text-base font-semibold">
              Details
            </h2>
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
              {fields.map(([label, value]) => (
                <div key={label}>
                  <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
                  <dd className="mt-0.5 break-words text-sm">{value ?? <span className="text-slate-400">—</span>}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
        <div className="grid content-start gap-6">
          {couriers && (
            <AssignPanel
              id={delivery.id}
              version={delivery.version}
              assigneeId={delivery.assignee?.id ?? null}
              couriers={couriers}
            />
          )}
          <TransitionPanel id={delivery.id} version={delivery.version} options={options} />
          <ProofOnFile proofs={proofs} trackingCode={delivery.trackingCode} />
          <section aria-labelledby="timeline-heading" className="card">
            <h2 id="timeline-heading" className="mb-3 text-base font-semibold">
              Status history
            </h2>
            <Timeline
              events={timeline.map((e) => ({
                key: e.id,
                status: e.to,
                at: e.createdAt,
                when: format.dateTime(e.createdAt),
                who: e.actorName,
                reason: e.reason,
                assignment: e.assignment,
                note: historyNote(e, (w) => format.window(w, timeZone)),
              }))}
            />
          </section>
        </div>
      </div>
    </div>
  );
}
