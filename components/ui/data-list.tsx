// The one list shape: a table from the `md` breakpoint on, and below it the same rows as cards
// (one DOM, so tests and screen readers see one thing), each cell labelled with its column.
// Explicit roles keep the table's semantics while the cards restyle its elements.
import type { Key, ReactNode } from "react";

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Right-aligned on desktop (numbers, actions); on a card, a row of its own. */
  align?: "end";
  /** Visually hidden header (an actions column). */
  srOnlyHeader?: boolean;
  className?: string;
}

export const LIST_CLASSES = {
  table: "block w-full text-sm md:table md:rounded-lg md:border md:border-slate-200 md:bg-white",
  head: "hidden bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 md:table-header-group",
  body: "grid gap-3 md:table-row-group md:divide-y md:divide-slate-100",
  row: "block rounded-lg border border-slate-200 bg-white p-3 shadow-xs md:table-row md:rounded-none md:border-0 md:p-0 md:shadow-none md:hover:bg-slate-50",
  cell: "flex min-w-0 flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-1 md:table-cell md:px-3 md:py-2 md:align-top",
  label: "text-xs font-medium text-slate-600 md:hidden",
};

export function DataList<Row>({
  columns,
  rows,
  rowKey,
  caption,
  rowTestId,
  testId,
}: {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => Key;
  caption: string;
  rowTestId?: (row: Row) => string;
  testId?: string;
}) {
  return (
    <table role="table" className={LIST_CLASSES.table} data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead role="rowgroup" className={LIST_CLASSES.head}>
        <tr role="row">
          {columns.map((c) => (
            <th
              key={c.key}
              role="columnheader"
              scope="col"
              className={`px-3 py-2 ${c.align === "end" ? "text-right" : ""}`}
            >
              {c.srOnlyHeader ? <span className="sr-only">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup" className={LIST_CLASSES.body}>
        {rows.map((row) => (
          <tr key={rowKey(row)} role="row" className={LIST_CLASSES.row} data-testid={rowTestId?.(row)}>
            {columns.map((c) => (
              <td
                key={c.key}
                role="cell"
                className={`${LIST_CLASSES.cell} ${c.align === "end" ? "md:text-right" : ""} ${c.className ?? ""}`}
              >
                {!c.srOnlyHeader && (
                  <span aria-hidden="true" className={LIST_CLASSES.label}>
                    {c.header}
                  </span>
                )}
                <span className="min-w-0 break-words">{c.cell(row)}</span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
