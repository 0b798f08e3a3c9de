// "Late": the drop-off window has ended and the delivery is still on its way (isLate in
// lib/deliveries/windows.ts decides; the API's `late`).
export function LateBadge({ late }: { late: boolean }) {
  if (!late) return null;
  return (
    <span
      data-testid="late-badge"
      className="inline-flex items-center whitespace-nowrap rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800 ring-1 ring-inset ring-red-600/20"
    >
      Late
    </span>
  );
}
