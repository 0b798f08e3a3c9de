export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="grid gap-4" data-testid="deliveries-loading">
      <span className="sr-only">Loading deliveries…</span>
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-32 animate-pulse rounded-lg bg-slate-200" />
      <div className="h-64 animate-pulse rounded-lg bg-slate-200" />
    </div>
  );
}
