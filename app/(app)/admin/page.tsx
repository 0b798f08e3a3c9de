import type { Metadata } from "next";
import Link from "next/link";
import { CourierLoadTable } from "@/components/admin/courier-load";
import { PerDayChart } from "@/components/admin/per-day-chart";
import { StatusBadge } from "@/components/status-badge";
import { STATUS_LABELS } from "@/lib/deliveries/status-labels";
import { requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { getDeliveryStats } from "@/lib/deliveries/get-delivery-stats";
import { listStuckDeliveries } from "@/lib/deliveries/list-stuck-deliveries";
import { getOnTimeRates } from "@/lib/deliveries/get-on-time-rates";
import { OnTimeRates } from "@/components/admin/on-time-rates";
import { RecentHealth } from "@/components/admin/recent-health";
import { LiveRefresh } from "@/components/live/live-refresh";
import { DELIVERY_STATUSES } from "@/lib/deliveries/state-machine";
import { ActionButton } from "@/components/ui/action-button";
import { can } from "@/lib/auth/permissions";
import { getRunStats } from "@/lib/background/list-runs";
import { backgroundExecutor } from "@/lib/env";
import { readHealthNumbers } from "@/lib/observability/read-metrics";
import { getOutboxStats } from "@/lib/outbox/get-outbox-stats";
import { listCouriers } from "@/lib/users/list-couriers";
import { PageHeader } from "@/components/ui/page-header";
import { getFormatter } from "@/lib/format-request";
import { retryOutboxAction } from "./actions";

export const metadata: Metadata = { title: "Overview" };

const ageOf = (date: Date) => Date.now() - date.getTime();

export default async function AdminOverviewPage() {
  const actor = await requireActor(PAGES.overview);
  const [stats, stuck, outbox, runs, couriers, onTime, health, format] = await Promise.all([
    getDeliveryStats({ actor }),
    listStuckDeliveries({ actor }),
    getOutboxStats({ actor }),
    getRunStats({ actor }),
    listCouriers({ actor }),
    getOnTimeRates({ actor }),
    readHealthNumbers({ actor }),
    getFormatter(),
  ]);
  const minutes = (n: number) => format.duration(n * 60_000);
  const embedded = backgroundExecutor() === "embedded";

  return (
    <div className="grid gap-6">
      <LiveRefresh />
      <PageHeader title="Overview" description="Deliveries of every partner, and the work running behind them." />
      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading" className="sr-only">
          Deliveries per status
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-6">
          {DELIVERY_STATUSES.map((s) => (
            <li key={s}>
              <Link
                href={`/deliveries?status=${s}`}
                className="card block hover:border-blue-300"
                data-testid={`count-${s}`}
              >
                <span className="block text-sm text-slate-600">{STATUS_LABELS[s]}</span>
                <span className="mt-1 block text-2xl font-semibold tabular-nums">{format.number(stats.totals[s])}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <CourierLoadTable couriers={couriers} />
      <OnTimeRates rates={onTime} format={format} />
      <section aria-labelledby="chart-heading" className="card min-w-0">
        <h2 id="chart-heading" className="mb-3 text-base font-semibold">
          Deliveries per day, last 30 days
        </h2>
        <PerDayChart days={stats.perDay} />
      </section>
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="stuck-heading" className="card lg:col-span-2">
          <h2 id="stuck-heading" className="text-base font-semibold">
            Stuck and late deliveries
          </h2>
          <p className="mb-3 mt-1 text-sm text-slate-600">
            Created and unchanged for more than {minutes(stuck.thresholds.createdMinutes)}, or in transit for more than{" "}
            {minutes(stuck.thresholds.inTransitMinutes)}, or not delivered when their drop-off window ended: the ones
            admins are alerted about.
          </p>
          {stuck.rows.length === 0 ? (
            <p className="text-sm text-slate-600" data-testid="stuck-empty">
              Nothing is stuck or late.
            </p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="stuck-list">
              {stuck.rows.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
                  <Link href={`/deliveries/${d.id}`} className="link code">
                    {d.trackingCode}
                  </Link>
                  <StatusBadge status={d.status} />
                  <span className="text-slate-600">{d.partner.name}</span>
                  {d.late && d.dropoffWindowEnd ? (
                    <span className="ml-auto font-medium text-red-700" data-testid="stuck-late">
                      late by {format.duration(ageOf(d.dropoffWindowEnd))}
                    </span>
                  ) : (
                    <span className="ml-auto text-slate-600">unchanged for {format.duration(ageOf(d.updatedAt))}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <div className="grid content-start gap-6">
          <RecentHealth numbers={health} format={format} />
          <section aria-labelledby="jobs-heading" className="card" data-testid="jobs-health">
            <h2 id="jobs-heading" className="text-base font-semibold">
              Background work
            </h2>
            <p className="mt-2 text-sm" data-testid="outbox-summary">
              {outbox.summary}
            </p>
            <dl className="mt-2 grid grid-cols-3 gap-2 text-center text-sm">
              <div>
                <dt className="text-xs text-slate-600">Waiting</dt>
                <dd className="font-semibold tabular-nums">{format.number(outbox.pending)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">Failing</dt>
                <dd className={`font-semibold tabular-nums ${outbox.failed ? "text-red-700" : ""}`}>
                  {format.number(outbox.failed)}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">Oldest</dt>
                <dd className="font-semibold tabular-nums">
                  {outbox.oldestPendingAgeSeconds === null
                    ? "—"
                    : format.duration(outbox.oldestPendingAgeSeconds * 1000)}
                </dd>
              </div>
            </dl>
            {/* The raw error (an SDK's words, a host name) stays in the server log and /admin/runs. */}
            {outbox.lastError && (
              <p className="mt-2 text-sm text-red-700" data-testid="outbox-error">
                The last hand-over of events failed; they are retried automatically. The server log has the details.
              </p>
            )}
            {outbox.pending > 0 && can(actor, "jobs.retry") && (
              <ActionButton action={retryOutboxAction} pendingText="Retrying…" className="mt-3">
                Retry now
              </ActionButton>
            )}
            <p className="mt-3 text-sm" data-testid="executor">
              {embedded ? (
                <>
                  Run by the <strong>embedded executor</strong> in the app process: {runs.running} running,{" "}
                  {runs.queued} queued ({runs.retrying} waiting to retry),{" "}
                  <span className={runs.failed ? "font-semibold text-red-700" : ""}>{runs.failed} failed</span>.
                </>
              ) : (
                <>
                  Run by <strong>Inngest</strong>; its dashboard shows the runs.
                </>
              )}
            </p>
            <Link href="/admin/runs" className="link mt-2 inline-block text-sm">
              Open background runs
            </Link>
          </section>
          <section aria-labelledby="email-heading" className="card" data-testid="email-health">
            <h2 id="email-heading" className="text-base font-semibold">
              Email
            </h2>
            <p className="mt-2 text-sm text-slate-600">Every email sent, logged or failed is recorded.</p>
            <Link href="/admin/emails" className="link mt-2 inline-block text-sm">
              Open the email log
            </Link>
          </section>
        </div>
      </div>
    </div>
  );
}
