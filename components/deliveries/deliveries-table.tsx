"use client";

// The deliveries table: TanStack Table (v9) renders columns and owns the sorting state's shape;
// the server does the sorting, so a header click only changes the URL (manualSorting).
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import {
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { LateBadge } from "@/components/deliveries/late-badge";
import { StatusBadge } from "@/components/status-badge";
import { withParams } from "@/components/deliveries/table-url";
import { LIST_CLASSES } from "@/components/ui/data-list";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { DeliverySort } from "@/lib/deliveries/schemas";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

export interface DeliveryTableRow {
  id: string;
  trackingCode: string;
  status: DeliveryStatus;
  recipientName: string;
  dropoffAddress: string;
  externalReference: string | null;
  /** Formatted by the page (lib/core/format.ts), as every date in the UI. */
  deliveryDate: string;
  /**
   * When it is due: the drop-off window in the partner's zone ("14:00–16:00, 15 Jan"), else the
   * delivery date. Formatted by the page; the column sorts by `dueAt`.
   */
  dueAt: string;
  /** Its drop-off window has ended and it is still on its way. */
  late: boolean;
  createdAt: string;
  partnerName: string;
  /** The courier who has it, "—" while unassigned. */
  courierName: string;
  version: number;
}

/** Row checkboxes for dispatch at volume (components/deliveries/bulk-dispatch.tsx owns the state). */
export interface RowSelection {
  isSelected: (id: string) => boolean;
  toggle: (row: DeliveryTableRow) => void;
  /** Every row of this page selected: the header box is ticked, and a click clears them. */
  allOnPage: boolean;
  togglePage: () => void;
}

const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, DeliveryTableRow>();

const allColumns = helper.columns([
  helper.accessor("trackingCode", {
    header: "Tracking code",
    enableSorting: false,
    cell: (info) => (
      <Link href={`/deliveries/${info.row.original.id}`} prefetch={false} className="link code">
        {info.getValue()}
      </Link>
    ),
  }),
  helper.accessor("status", {
    header: "Status",
    enableSorting: false,
    cell: (info) => <StatusBadge status={info.getValue()} />,
  }),
  helper.accessor("recipientName", { header: "Recipient", enableSorting: false }),
  helper.accessor("dropoffAddress", { header: "Drop-off", enableSorting: false }),
  helper.accessor("externalReference", {
    header: "Reference",
    enableSorting: false,
    cell: (info) => info.getValue() ?? "—",
  }),
  helper.accessor("partnerName", { header: "Partner", enableSorting: false }),
  helper.accessor("courierName", { header: "Courier", enableSorting: false }),
  helper.accessor("dueAt", {
    header: "Due",
    cell: (info) => (
      <span className="inline-flex flex-wrap items-center gap-1.5" data-testid="due">
        <span className="whitespace-nowrap">{info.getValue()}</span>
        <LateBadge late={info.row.original.late} />
      </span>
    ),
  }),
  helper.accessor("deliveryDate", { header: "Delivery date" }),
  helper.accessor("createdAt", { header: "Created" }),
]);

// Below `md` each row is a card (components/ui/data-list.tsx), every cell labelled.
const cellClass = (id: string) => `${LIST_CLASSES.cell} ${id === "trackingCode" ? "font-medium" : ""}`;

const adminColumns = allColumns;
const partnerColumns = allColumns.filter(
  (c) => !("accessorKey" in c) || (c.accessorKey !== "partnerName" && c.accessorKey !== "courierName"),
);

export function DeliveriesTable({
  rows,
  sort,
  showPartner,
  selection,
}: {
  rows: DeliveryTableRow[];
  sort: DeliverySort;
  showPartner: boolean;
  selection?: RowSelection;
}) {
  const router = useRouter();
  const params = useSearchParams();
  const [sortPending, startSorting] = useTransition();
  const sorting: SortingState = [{ id: sort.by, desc: sort.dir === "desc" }];

  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    const first = next[0] ?? { id: sort.by, desc: sort.dir !== "desc" };
    // A new order starts again at the first page: an old cursor belongs to the old order.
    const href = withParams(params, { sort: `${first.id}.${first.desc ? "desc" : "asc"}`, cursor: undefined });
    startSorting(() => router.push(href));
  };

  const table = useTable({
    features,
    columns: showPartner ? adminColumns : partnerColumns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
  });

  return (
    <>
      <ProgressBar active={sortPending} />
      <table
        role="table"
        className={LIST_CLASSES.table}
        data-testid="deliveries-table"
        aria-busy={sortPending || undefined}
      >
        <caption className="sr-only">
          Deliveries, sorted by{" "}
          {sort.by === "createdAt" ? "creation time" : sort.by === "dueAt" ? "due time" : "delivery date"}
        </caption>
        <thead role="rowgroup" className={LIST_CLASSES.head}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} role="row">
              {selection && (
                <th role="columnheader" scope="col" className="w-8 px-3 py-2">
                  <input
                    type="checkbox"
                    className="size-4 accent-blue-700"
                    aria-label="Select every delivery on this page"
                    checked={selection.allOnPage}
                    onChange={selection.togglePage}
                    data-testid="select-page"
                  />
                </th>
              )}
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    role="columnheader"
                    scope="col"
                    className="px-3 py-2"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600"
                        data-testid={`sort-${header.column.id}`}
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody role="rowgroup" className={LIST_CLASSES.body}>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} role="row" className={LIST_CLASSES.row}>
              {selection && (
                <td role="cell" className={LIST_CLASSES.cell}>
                  <label className="inline-flex items-center gap-2 text-sm md:block">
                    <input
                      type="checkbox"
                      className="size-4 accent-blue-700"
                      checked={selection.isSelected(row.original.id)}
                      onChange={() => selection.toggle(row.original)}
                      data-testid={`select-${row.original.trackingCode}`}
                    />
                    <span className="sr-only">Select {row.original.trackingCode}</span>
                    <span aria-hidden="true" className="md:hidden">
                      Select
                    </span>
                  </label>
                </td>
              )}
              {row.getAllCells().map((cell) => (
                <td key={cell.id} role="cell" className={cellClass(cell.column.id)}>
                  <span aria-hidden="true" className={LIST_CLASSES.label}>
                    {typeof cell.column.columnDef.header === "string" ? cell.column.columnDef.header : ""}
                  </span>
                  <span className="min-w-0 break-words">
                    <table.FlexRender cell={cell} />
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
