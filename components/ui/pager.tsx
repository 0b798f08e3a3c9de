import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { LinkProgress } from "@/components/ui/progress-bar";

/**
 * Previous / next links of a keyset-paginated list, with what the view holds in the middle:
 * "1–20 of 1,234" is not knowable with cursors, so it says "20 shown · 1,234 in this view".
 */
export function Pager({
  prevHref,
  nextHref,
  firstHref,
  shown,
  total,
  testId = "pager",
}: {
  prevHref: string | null;
  nextHref: string | null;
  /** Back to the first page, when neither a previous page nor the first page is at hand. */
  firstHref?: string | null;
  shown: string;
  total?: string | null;
  testId?: string;
}) {
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2" data-testid={testId}>
      {prevHref ? (
        <Link href={prevHref} className={buttonClass("secondary")} rel="prev">
          ← Previous
          <LinkProgress />
        </Link>
      ) : firstHref ? (
        <Link href={firstHref} className={buttonClass("secondary")}>
          ← First page
          <LinkProgress />
        </Link>
      ) : (
        <span />
      )}
      <p className="text-sm text-slate-600" aria-live="polite" data-testid={`${testId}-summary`}>
        {shown}
        {total && <span data-testid={`${testId}-total`}> · {total}</span>}
      </p>
      {nextHref ? (
        <Link href={nextHref} className={buttonClass("secondary")} rel="next">
          Next →
          <LinkProgress />
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
