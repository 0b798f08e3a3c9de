import type { Metadata } from "next";
import Link from "next/link";
import { RetryRunButton } from "@/components/admin/retry-run-button";
import { requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { can } from "@/lib/auth/permissions";
import { getRunStats, listRuns, runFilterSchema, RUN_STATUSES } from "@/lib/background/list-runs";
import { backgroundExecutor } from "@/lib/env";
import { retryRunAction } from "./actions";

export const metadata: Metadata = { title: "Background runs" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const duration = (ms: number | null) => (ms === null ? "—" : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

// /admin/runs – the embedded executor's runs, newest first, with retry for failed ones (admins)
export default async function BackgroundRunsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const actor = await requireActor(PAGES.runs);
  const filter = runFilterSchema.safeParse(await searchParams);
  const status = filter.success ? filter.data.status : undefined;
  const [runs, stats] = await Promise.all([listRuns({ actor, status }), getRunStats({ actor })]);
  const embedded = backgroundExecutor() === "embedded";

  return (
    <div className="grid gap-4">
      <h1 className="page-title">Background runs</h1>
      <p className="text-sm text-slate-600" data-testid="executor">
        {embedded
          ? "Background functions run in the app process (embedded executor): each event's emails, notifications and webhooks are one run per function, retried with backoff."
          : "An Inngest server runs the background functions; its dashboard shows their runs. Runs below are from times the embedded executor ran them."}
      </p>
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
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
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
        <p className="text-sm text-slate-600" data-testid="runs-empty">
          No runs{status ? ` with status ${status.toLowerCase()}` : ""} yet.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="runs-table">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Function</th>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Retry</th>
                <th scope="col">Duration</th>
                <th scope="col">Error</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id} className="border-t border-slate-100 align-top">
                  <td className="whitespace-nowrap">
                    <time dateTime={r.createdAt.toISOString()}>{when.format(r.createdAt)}</time>
                  </td>
                  <td className="font-mono">{r.functionId.replace(/^delivery-platform-/, "")}</td>
                  <td>{r.eventName}</td>
                  <td data-testid="run-status">{r.status.toLowerCase()}</td>
                  <td className="tabular-nums">{r.attempt > 0 ? `${r.attempt} of ${r.maxAttempts - 1}` : "—"}</td>
                  <td className="tabular-nums">{duration(r.durationMs)}</td>
                  <td className="max-w-xs break-words text-red-700">{r.error}</td>
                  <td>
                    {r.status === "FAILED" && can(actor, "jobs.retry") && (
                      <RetryRunButton id={r.id} label={`run of ${r.functionId}`} action={retryRunAction} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
