"use client";

import { useLinkStatus } from "next/link";

/** A thin bar across the top of the window while something loads (a navigation, a sort). */
export function ProgressBar({ active }: { active: boolean }) {
  if (!active) return null;
  return (
    <div
      role="progressbar"
      aria-label="Loading"
      aria-busy="true"
      className="fixed inset-x-0 top-0 z-50 h-1 overflow-hidden bg-blue-100"
      data-testid="progress-bar"
    >
      <div className="h-full w-1/3 animate-[progress_1s_ease-in-out_infinite] bg-blue-700" />
    </div>
  );
}

/** Inside a <Link>: the bar while that link's navigation is pending. */
export function LinkProgress() {
  const { pending } = useLinkStatus();
  return <ProgressBar active={pending} />;
}
