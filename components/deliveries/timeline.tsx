import { StatusBadge } from "@/components/status-badge";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

export interface TimelineEntry {
  key: string;
  status: DeliveryStatus;
  /** The instant (ISO), for the <time> element. */
  at: string;
  /** The same instant as the viewer reads it (lib/core/format.ts dateTime). */
  when: string;
  /** Absent on the public page, which shows no people. */
  who?: string;
  reason?: string | null;
  /** A change of courier: "Assigned to …" or "Unassigned". */
  assignment?: string | null;
  /** What the entry records besides a status: "Rescheduled: …", "Attempt 2". */
  note?: string | null;
}

export function Timeline({ events }: { events: TimelineEntry[] }) {
  return (
    <ol className="relative grid gap-4 border-l border-slate-200 pl-5" data-testid="timeline">
      {events.map((e) => (
        <li key={e.key} className="relative" data-testid="timeline-entry" data-status={e.status}>
          <span
            aria-hidden="true"
            className="absolute -left-[1.6rem] top-1.5 size-2.5 rounded-full bg-blue-600 ring-4 ring-white"
          />
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={e.status} />
            <time dateTime={e.at} className="text-xs text-slate-600">
              {e.when}
            </time>
          </div>
          {e.note && (
            <p className="mt-1 break-words text-sm font-medium" data-testid="timeline-note">
              {e.note}
            </p>
          )}
          {e.assignment && <p className="mt-1 break-words text-sm font-medium">{e.assignment}</p>}
          {e.who && <p className="mt-1 break-words text-sm">by {e.who}</p>}
          {e.reason && <p className="mt-1 break-words text-sm text-slate-700">Reason: {e.reason}</p>}
        </li>
      ))}
    </ol>
  );
}
