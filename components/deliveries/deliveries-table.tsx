"use client";

// The deliveries table: TanStack Table (v9) renders columns and owns the sorting state's shape;
// the server does the sorting, so a header click only changes the URL (manualSorting).
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import {
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { StatusBadge } from "@/components/status-badge";
import { withParams } from "@/components/deliveries/table-url";
import type { DeliverySort } from "@/lib/deliveries/schemas";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

export interface DeliveryTableRow {
  id: string;
  trackingCode: string;
  status: DeliveryStatus;
  recipientName: string;
  dropoffAddress: string;
  externalReference: string | null;
  deliveryDate: string;
  createdAt: string;
  partnerName: string;
}

const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, DeliveryTableRow>();
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const allColumns = helper.columns([
  helper.accessor("trackingCode", {
    header: "Tracking code",
    enableSorting: false,
    cell: (info) => (
      <Link href={`/deliveries/${info.row.original.id}`} prefetch={false} className="link font-mono">
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
  helper.accessor("deliveryDate", { header: "Delivery date" }),
  helper.accessor("createdAt", { header: "Created (UTC)", cell: (info) => dateTime.format(new Date(info.getValue())) }),
]);

// On a phone the essentials stay; the rest appears from the `md` breakpoint on.
const SECONDARY = new Set(["dropoffAddress", "externalReference", "createdAt"]);
const cellClass = (id: string) => `px-3 py-2 align-top ${SECONDARY.has(id) ? "hidden md:table-cell" : ""}`;

const adminColumns = allColumns;
const partnerColumns = allColumns.filter((c) => !("accessorKey" in c) || c.accessorKey !== "partnerName");

export function DeliveriesTable({
  rows,
  sort,
  showPartner,
}: {
  rows: DeliveryTableRow[];
  sort: DeliverySort;
  showPartner: boolean;
}) {
  const router = useRouter();
  const params = useSearchParams();
  const sorting: SortingState = [{ id: sort.by, desc: sort.dir === "desc" }];

  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    const first = next[0] ?? { id: sort.by, desc: sort.dir !== "desc" };
    // A new order starts again at the first page: an old cursor belongs to the old order.
    router.push(withParams(params, { sort: `${first.id}.${first.desc ? "desc" : "asc"}`, cursor: undefined }));
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
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="deliveries-table">
        <caption className="sr-only">
          Deliveries, sorted by {sort.by === "createdAt" ? "creation time" : "delivery date"}
        </caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={cellClass(header.column.id)}
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
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={cellClass(cell.column.id)}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
