import type { EmailStatus } from "@/lib/generated/prisma/enums";

const LABEL: Record<EmailStatus, string> = {
  QUEUED: "Queued",
  SENT: "Sent",
  FAILED: "Failed",
  LOGGED: "Logged, not sent",
};

const TONE: Record<EmailStatus, string> = {
  QUEUED: "bg-blue-50 text-blue-800 ring-blue-600/20",
  SENT: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  FAILED: "bg-red-50 text-red-800 ring-red-600/20",
  LOGGED: "bg-slate-100 text-slate-700 ring-slate-500/20",
};

/** An email's status in the UI's words. */
export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  return (
    <span
      className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[status]}`}
    >
      {LABEL[status]}
    </span>
  );
}
