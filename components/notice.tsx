const TONES = {
  info: "border-blue-200 bg-blue-50 text-blue-900",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  error: "border-red-200 bg-red-50 text-red-900",
} as const;

/** An in-page message; errors interrupt screen readers (alert), the rest wait politely (status). */
export function Notice({
  tone = "info",
  children,
  testId,
  id,
}: {
  tone?: keyof typeof TONES;
  children: React.ReactNode;
  testId?: string;
  id?: string;
}) {
  return (
    <div
      id={id}
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
      className={`rounded-md border px-4 py-3 text-sm ${TONES[tone]}`}
    >
      {children}
    </div>
  );
}
