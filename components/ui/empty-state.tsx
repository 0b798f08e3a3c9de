/** What a list shows when it has nothing: what is missing, and the next step when there is one. */
export function EmptyState({
  title,
  description,
  action,
  testId,
}: {
  title: string;
  description?: React.ReactNode;
  action?: React.ReactNode;
  testId?: string;
}) {
  return (
    <div className="card grid justify-items-center gap-2 py-10 text-center" data-testid={testId}>
      <p className="font-medium text-slate-900">{title}</p>
      {description && <p className="max-w-prose text-sm text-slate-600">{description}</p>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}
