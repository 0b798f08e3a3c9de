import { ButtonLink } from "@/components/ui/button";

export function NotFoundMessage({
  title = "Page not found",
  children,
}: {
  title?: string;
  children?: React.ReactNode;
}) {
  return (
    <div className="mx-auto max-w-md py-16 text-center" data-testid="not-found">
      <p className="text-sm font-semibold text-blue-700">404</p>
      <h1 className="page-title mt-2">{title}</h1>
      <p className="mt-3 text-slate-600">{children ?? "There is nothing here, or you do not have access to it."}</p>
      <ButtonLink href="/" variant="primary" className="mt-6">
        Go to the start page
      </ButtonLink>
    </div>
  );
}
