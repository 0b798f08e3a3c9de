// A delivery's schedule on the detail pages: its pickup and drop-off windows in the partner's
// time zone (named, since the viewer may be elsewhere), "Late", the courier's ETA and which
// attempt this is. The `actions` slot, below a rule, is where the schedule's controls go
// (reschedule, re-attempt, ETA); the pages pass none yet.
import type { ReactNode } from "react";
import { LateBadge } from "@/components/deliveries/late-badge";
import type { Formatter } from "@/lib/core/format";

type Instant = Date | string;

export interface ScheduleFields {
  pickupWindowStart: Instant | null;
  pickupWindowEnd: Instant | null;
  dropoffWindowStart: Instant | null;
  dropoffWindowEnd: Instant | null;
  eta: Instant | null;
  attempt: number;
  late: boolean;
}

const windowOf = (from: Instant | null, to: Instant | null) => (from && to ? { from, to } : null);

export function DeliverySchedule({
  delivery,
  timeZone,
  format,
  actions,
  headingLevel = "h2",
}: {
  delivery: ScheduleFields;
  timeZone: string;
  format: Formatter;
  actions?: ReactNode;
  headingLevel?: "h2" | "h3";
}) {
  const pickup = windowOf(delivery.pickupWindowStart, delivery.pickupWindowEnd);
  const dropoff = windowOf(delivery.dropoffWindowStart, delivery.dropoffWindowEnd);
  const Heading = headingLevel;
  const rows: [string, ReactNode, string][] = [
    ["Pickup window", pickup ? format.window(pickup, timeZone) : null, "pickup-window"],
    ["Drop-off window", dropoff ? format.window(dropoff, timeZone) : null, "dropoff-window"],
    ["ETA", delivery.eta ? format.dateTimeIn(delivery.eta, timeZone) : null, "eta"],
  ];
  return (
    <section aria-labelledby="schedule-heading" className="card grid gap-3" data-testid="schedule">
      <div className="flex flex-wrap items-center gap-2">
        <Heading id="schedule-heading" className="text-base font-semibold">
          Schedule
        </Heading>
        <LateBadge late={delivery.late} />
        {delivery.attempt > 1 && (
          <span
            className="inline-flex items-center whitespace-nowrap rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-500/20"
            data-testid="attempt"
          >
            Attempt {delivery.attempt}
          </span>
        )}
      </div>
      <p className="text-xs text-slate-600" data-testid="schedule-zone">
        {`Times in ${timeZone}`}
      </p>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-3">
        {rows.map(([label, value, testId]) => (
          <div key={label}>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="mt-0.5 break-words text-sm" data-testid={testId}>
              {value ?? <span className="text-slate-500">—</span>}
            </dd>
          </div>
        ))}
      </dl>
      {actions && (
        <div className="border-t border-slate-200 pt-3" data-testid="schedule-actions">
          {actions}
        </div>
      )}
    </section>
  );
}
