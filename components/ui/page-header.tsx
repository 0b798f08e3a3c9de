import Link from "next/link";

/** Every page starts with this: one h1, an optional line of context, actions on the right. */
export function PageHeader({
  title,
  description,
  actions,
  back,
}: {
  title: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  back?: { href: string; label: string };
}) {
  return (
    <header className="mb-5 grid gap-1">
      {back && (
        <Link href={back.href} className="link w-fit text-sm">
          ← {back.label}
        </Link>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="page-title min-w-0 break-words">{title}</h1>
        {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      </div>
      {description && <p className="max-w-prose text-sm text-slate-600">{description}</p>}
    </header>
  );
}
