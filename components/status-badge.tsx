import { STATUS_LABELS } from "@/lib/deliveries/status-labels";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

// Fill colours for the chart; badge classes below use the same hues.
export const STATUS_COLORS: Record<DeliveryStatus, string> = {
  CREATED: "#2563eb",
  ASSIGNED: "#7c3aed",
  IN_TRANSIT: "#d97706",
  COMPLETED: "#059669",
  FAILED: "#dc2626",
  CANCELLED: "#64748b",
};

const BADGE: Record<DeliveryStatus, string> = {
  CREATED: "bg-blue-50 text-blue-800 ring-blue-600/20",
  ASSIGNED: "bg-violet-50 text-violet-800 ring-violet-600/20",
  IN_TRANSIT: "bg-amber-50 text-amber-800 ring-amber-600/20",
  COMPLETED: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  FAILED: "bg-red-50 text-red-800 ring-red-600/20",
  CANCELLED: "bg-slate-100 text-slate-700 ring-slate-500/20",
};

export function StatusBadge({ status }: { status: DeliveryStatus }) {
  return (
    <span
      data-testid="status-badge"
      data-status={status}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${BADGE[status]}`}
    >
      {STATUS_LABELS[status]}
    </span>
  );
}
