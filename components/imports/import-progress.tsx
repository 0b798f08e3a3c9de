"use client";

// The progress of a confirmed import, polled from the import API until it finishes; then the page
// is refreshed to show the summary. The status words, the counts and the bar are all told from one
// snapshot, so they never disagree. The bar is a native <progress> (a progressbar to assistive
// technology), and the line beside it is announced politely.
import { Figure } from "@/components/ui/figure";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useApiClient } from "@/components/ui/api-client";
import { importPercent, importStatusLabel, type ImportProgressCounts } from "@/lib/imports/status-labels";

const POLL_MS = 1000;

/** `locale`: the page formatter's, so server and browser render the counts alike. */
export function ImportProgress({ id, initial, locale }: { id: string; initial: ImportProgressCounts; locale: string }) {
  const router = useRouter();
  const api = useApiClient();
  const [snapshot, setSnapshot] = useState(initial);
  const done = snapshot.status === "COMPLETED";

  useEffect(() => {
    if (done) return;
    let stopped = false;
    const timer = setInterval(async () => {
      // A failed poll is tried again on the next tick; an ended session stops polling (the next
      // navigation goes through sign-in).
      const result = await api.read<ImportProgressCounts>(`/api/v1/imports/${id}`);
      if (!result.ok && result.reason === "signed-out") clearInterval(timer);
      if (stopped || !result.ok) return;
      const { status, processed, validRows, created, existed, failed } = result.data;
      setSnapshot({ status, processed, validRows, created, existed, failed });
      if (status === "COMPLETED") router.refresh();
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, done, id, router]);

  const number = new Intl.NumberFormat(locale);
  const percent = importPercent(snapshot);
  return (
    <div className="grid gap-4">
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <Figure label="Created" value={number.format(snapshot.created)} testId="created-rows" />
        <Figure label="Already existed" value={number.format(snapshot.existed)} testId="existed-rows" />
        <Figure label="Failed while creating" value={number.format(snapshot.failed)} testId="failed-rows" />
      </dl>
      <div className="grid gap-2" data-testid="import-progress" data-percent={percent}>
        <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
          <label htmlFor={`progress-${id}`} className="font-medium" data-testid="import-status">
            {done ? "Import finished" : `${importStatusLabel(snapshot)}…`}
          </label>
          <span aria-live="polite" className="tabular-nums text-slate-600" data-testid="import-progress-text">
            {number.format(snapshot.processed)} of {number.format(snapshot.validRows)} rows · {percent}%
          </span>
        </div>
        <progress
          id={`progress-${id}`}
          max={snapshot.validRows || 1}
          value={snapshot.validRows ? snapshot.processed : 1}
          className="h-2 w-full overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-blue-700"
        />
      </div>
    </div>
  );
}
