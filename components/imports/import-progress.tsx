"use client";

// The progress of a confirmed import, polled from the import API until it finishes; then the page
// is refreshed to show the summary. The bar is a native <progress> (a progressbar to assistive
// technology), and the count beside it is announced politely.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useApiClient } from "@/components/ui/api-client";

const POLL_MS = 1000;

interface Snapshot {
  status: string;
  processed: number;
  validRows: number;
}

/** `locale`: the page formatter's, so server and browser render the counts alike. */
export function ImportProgress({ id, initial, locale }: { id: string; initial: Snapshot; locale: string }) {
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
      const result = await api.read<Snapshot>(`/api/v1/imports/${id}`);
      if (!result.ok && result.reason === "signed-out") clearInterval(timer);
      if (stopped || !result.ok) return;
      const next = result.data;
      setSnapshot({ status: next.status, processed: next.processed, validRows: next.validRows });
      if (next.status === "COMPLETED") router.refresh();
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, done, id, router]);

  const number = new Intl.NumberFormat(locale);
  const percent = snapshot.validRows ? Math.floor((snapshot.processed / snapshot.validRows) * 100) : 100;
  return (
    <div className="grid gap-2" data-testid="import-progress" data-percent={percent}>
      <div className="flex items-baseline justify-between text-sm">
        <label htmlFor={`progress-${id}`} className="font-medium">
          {done ? "Import finished" : "Creating deliveries…"}
        </label>
        <span aria-live="polite" className="tabular-nums text-slate-600">
          {number.format(snapshot.processed)} of {number.format(snapshot.validRows)} rows · {percent}%
        </span>
      </div>
      <progress
        id={`progress-${id}`}
        max={snapshot.validRows || 1}
        value={snapshot.processed}
        className="h-2 w-full overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-blue-700"
      />
    </div>
  );
}
