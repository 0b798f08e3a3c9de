import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { can } from "@/lib/auth/permissions";
import { getRunStats, listRuns, runFilterSchema, RUN_STATUSES } from "@/lib/background/list-runs";
import { backgroundExecutor } from "@/lib/env";
import { DataList } from "@/components/ui/data-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { getFormatter } from "@/lib/format-request";
import { retryRunAction } from "./actions";

export const metadata: Metadata = { title: "Background runs" };

// /admin/runs – the embedded executor's runs, newest first, with retry for failed ones (admins)
export default async function BackgroundRunsPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; cursor?: string }>;
}) {
  const actor = await requireActor(PAGES.runs);
  const params = await searchParams;
  const filter = runFilterSchema.safeParse({ status: params.status });
  const status = filter.success ? filter.data.status : undefined;
  const cursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const [page, stats, format] = await Promise.all([
    listRuns({ actor, status, cursor }),
    getRunStats({ actor }),
    getFormatter(),
  ]);
  const runs = page.data;
  const here = (changes: { cursor?: string }) => {
    const query = new URLSearchParams({ ...(status ? { status } : {}), ...changes });
    return query.size ? `/admin/runs?${query}` : "/admin/runs";
  };
  const duration = (ms: number | null) =>
    ms === null ? "—" : ms < 1000 ? `${format.number(ms)} ms` : format.duration(ms);
  const embedded = backgroundExecutor() === "embedded";

  return (
    <div className="grid gap-4">
      <PageHeader
        title="Background runs"
        description={
          <span data-testid="executor">
            {embedded
              ? "Background functions run in the app process (embedded executor): each event's emails, notifications and webhooks are one run per function, retried with backoff."
              : "An Inngest server runs the background functions; its dashboard shows their runs. Runs below are from times the embedded executor ran them."}
          </span>
        }
      />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="run-stats">
        {(
          [
            ["Queued", stats.queued],
            ["Running", stats.running],
            ["Waiting to retry", stats.retrying],
            ["Failed", stats.failed],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="card">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{format.number(value)}</dd>
          </div>
        ))}
      </dl>
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        {[undefined, ...RUN_STATUSES].map((s) => (
          <Link
            key={s ?? "all"}
            href={s ? `/admin/runs?status=${s}` : "/admin/runs"}
            prefetch={false}
            aria-current={s === status ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 ${s === status ? "bg-blue-50 text-blue-800" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {s ? s[0] + s.slice(1).toLowerCase() : "All"}
          </Link>
        ))}
      </nav>
      {runs.length === 0 ? (
        <EmptyState testId="runs-empty" title={`No runs${status ? ` with status ${status.toLowerCase()}` : ""} yet.`} />
      ) : (
        <DataList
          testId="runs-table"
          caption="Background runs, newest first"
          rows={runs}
          rowKey={(r) => r.id}
          columns={[
            {
              key: "started",
              header: "Started",
              cell: (r) => <time dateTime={r.createdAt.toISOString()}>{format.dateTime(r.createdAt)}</time>,
            },
            {
              key: "function",
              header: "Function",
              cell: (r) => <span className="font-mono">{r.functionId.replace(/^delivery-platform-/, "")}</span>,
            },
            {
              key: "event",
              header: "Event",
              cell: (r) => (r._count.members > 1 ? `${format.number(r._count.members)} events (a batch)` : r.eventName),
            },
            {
              key: "status",
              header: "Status",
              cell: (r) => <span data-testid="run-status">{r.status.toLowerCase()}</span>,
            },
            {
              key: "retry",
              header: "Retry",
              cell: (r) => (r.attempt > 0 ? `${r.attempt} of ${r.maxAttempts - 1}` : "—"),
            },
            { key: "duration", header: "Duration", cell: (r) => duration(r.durationMs) },
            {
              key: "error",
              header: "Error",
              cell: (r) => <span className="text-red-700">{r.error ?? ""}</span>,
              className: "md:max-w-xs",
            },
            {
              key: "actions",
              header: "Actions",
              srOnlyHeader: true,
              align: "end",
              cell: (r) =>
                r.status === "FAILED" && can(actor, "jobs.retry") ? (
                  <ActionButton action={retryRunAction} fields={{ id: r.id }} pendingText="Retrying…">
                    Retry<span className="sr-only"> run of {r.functionId}</span>
                  </ActionButton>
                ) : null,
            },
          ]}
        />
      )}
      <Pager
        prevHref={null}
        firstHref={page.atStart ? null : here({})}
        nextHref={page.nextCursor ? here({ cursor: page.nextCursor }) : null}
        shown={`${format.number(runs.length)} shown`}
      />
    </div>
  );
}
