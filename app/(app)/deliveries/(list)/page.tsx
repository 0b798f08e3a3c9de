import type { Metadata } from "next";
import Link from "next/link";
import { DeliveriesFilters } from "@/components/deliveries/deliveries-filters";
import { DeliveriesTable, type DeliveryTableRow } from "@/components/deliveries/deliveries-table";
import {
  exportHref,
  tableQueryObject,
  toUrlSearchParams,
  withParams,
  type PageSearchParams,
} from "@/components/deliveries/table-url";
import { Notice } from "@/components/notice";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterDisclosure } from "@/components/ui/filter-disclosure";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { can } from "@/lib/auth/permissions";
import { deliveryViewQuerySchema, listDeliveries } from "@/lib/deliveries/list-deliveries";
import { parseSort } from "@/lib/deliveries/schemas";
import { isLate } from "@/lib/deliveries/windows";
import { BULK_LIMIT } from "@/lib/deliveries/bulk-schemas";
import { listCouriers } from "@/lib/users/list-couriers";
import { BulkDispatch } from "@/components/deliveries/bulk-dispatch";
import { selectMatchingAction } from "./actions";
import { getFormatter } from "@/lib/format-request";
import { listPartners } from "@/lib/partners/list-partners";
import { listPartnerTimeZones } from "@/lib/partners/list-partner-time-zones";
import { LiveRefresh } from "@/components/live/live-refresh";
import { importFilterName } from "@/lib/imports/import-keys";

export const metadata: Metadata = { title: "Deliveries" };

/** Which part of the view is not valid, in plain words (never the validator's text). */
const PARAM_NAMES: Record<string, string> = {
  cursor: "the page position",
  status: "the status filter",
  from: "the “created from” date",
  to: "the “created to” date",
  q: "the search",
  partnerId: "the partner filter",
  assigneeId: "the courier filter",
  limit: "the number of rows",
  sort: "the sort order",
  late: "the “late only” filter",
  import: "the import filter",
};

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const params = await searchParams;
  const actor = await requireActor(PAGES.deliveries, `/deliveries?${toUrlSearchParams(params)}`);
  const showPartner = can(actor, "deliveries.readAll");
  const parsed = deliveryViewQuerySchema.safeParse(tableQueryObject(params));
  const dispatch = can(actor, "deliveries.bulkDispatch");
  const [partners, couriers, format] = await Promise.all([
    showPartner ? listPartners({ actor }) : null,
    can(actor, "deliveries.assign") ? listCouriers({ actor }) : null,
    getFormatter(),
  ]);
  const canCreate = can(actor, "deliveries.create");

  const header = (
    <PageHeader
      title="Deliveries"
      actions={
        <>
          {parsed.success && (
            <a href={exportHref(toUrlSearchParams(params))} className={buttonClass()} download>
              Export CSV
            </a>
          )}
          {can(actor, PAGES.imports.permission) && <ButtonLink href={PAGES.imports.href}>Import CSV</ButtonLink>}
          {canCreate && (
            <ButtonLink href="/deliveries/new" variant="primary">
              New delivery
            </ButtonLink>
          )}
        </>
      }
    />
  );
  if (!parsed.success) {
    const parts = [...new Set(parsed.error.issues.map((i) => PARAM_NAMES[String(i.path[0])] ?? "a filter"))];
    return (
      <>
        {header}
        <Notice tone="error" testId="filters-invalid">
          {`This link’s view cannot be shown: ${parts.join(", ")} ${parts.length === 1 ? "is" : "are"} not valid, perhaps because the address was edited or cut short.`}{" "}
          <Link href="/deliveries" className="link">
            Show all deliveries
          </Link>
        </Notice>
      </>
    );
  }

  const query = parsed.data;
  const sort = parseSort(query.sort);
  const [page, importName] = await Promise.all([
    listDeliveries({ actor, query, sort, withTotal: true }),
    query.import ? importFilterName(actor, query.import) : null,
  ]);
  // Windows read in the partner's zone: the caller's own for a partner, each row's for staff.
  const zones = await listPartnerTimeZones({ actor, ids: page.data.map((d) => d.partner.id) });
  const rows: DeliveryTableRow[] = page.data.map((d) => ({
    id: d.id,
    trackingCode: d.trackingCode,
    status: d.status,
    recipientName: d.recipientName,
    dropoffAddress: d.dropoffAddress,
    externalReference: d.externalReference,
    deliveryDate: format.calendarDate(d.deliveryDate),
    dueAt:
      d.dropoffWindowStart && d.dropoffWindowEnd
        ? format.window({ from: d.dropoffWindowStart, to: d.dropoffWindowEnd }, zones.get(d.partner.id) ?? "UTC")
        : format.calendarDate(d.deliveryDate),
    late: isLate(d),
    createdAt: format.dateTime(d.createdAt),
    partnerName: d.partner.name,
    courierName: d.assignee ? (d.assignee.name ?? "Unnamed courier") : "—",
    version: d.version,
  }));
  const url = toUrlSearchParams(params);
  // Each picked status counts as one filter, as each chip in a filter bar would.
  const active =
    (query.status?.length ?? 0) +
    [query.q, query.from, query.to, query.partnerId, query.assigneeId, query.late !== undefined, query.import].filter(
      Boolean,
    ).length;
  const total = page.total ? `${format.number(page.total.count)}${page.total.capped ? "+" : ""} in this view` : null;

  return (
    <>
      {header}
      <LiveRefresh />
      <div className="grid gap-4">
        <FilterDisclosure active={active}>
          <DeliveriesFilters
            query={query}
            partners={partners}
            couriers={couriers?.map((c) => ({ id: c.id, name: c.name ?? c.email, active: c.active })) ?? null}
          />
        </FilterDisclosure>
        {query.import && (
          <ul className="flex flex-wrap gap-2 text-sm" aria-label="Active filters">
            <li
              className="inline-flex max-w-full items-center gap-2 rounded-full bg-blue-50 py-1 pl-3 pr-1 text-blue-900 ring-1 ring-blue-200"
              data-testid="import-filter-chip"
            >
              <span className="min-w-0 break-all">From the import {importName ?? "(not found)"}</span>
              <Link
                href={withParams(url, { import: undefined, cursor: undefined })}
                className="rounded-full px-2 font-medium hover:bg-blue-100 focus-visible:outline-2 focus-visible:outline-blue-600"
                aria-label="Clear the import filter"
              >
                ×
              </Link>
            </li>
          </ul>
        )}
        {rows.length === 0 ? (
          <EmptyState
            testId="deliveries-empty"
            title={active || query.cursor ? "No deliveries match this view." : "No deliveries yet."}
            action={
              active ? (
                <ButtonLink href="/deliveries">Clear the filters</ButtonLink>
              ) : (
                canCreate && (
                  <ButtonLink href="/deliveries/new" variant="primary">
                    Submit your first delivery
                  </ButtonLink>
                )
              )
            }
          />
        ) : dispatch && couriers ? (
          <BulkDispatch
            rows={rows}
            sort={sort}
            couriers={couriers.filter((c) => c.active).map((c) => ({ id: c.id, name: c.name ?? c.email }))}
            total={
              page.total
                ? {
                    count: page.total.count,
                    label: `${format.number(page.total.count)}${page.total.capped ? "+" : ""}`,
                  }
                : null
            }
            limit={BULK_LIMIT}
            view={url.toString()}
            selectMatching={selectMatchingAction}
          />
        ) : (
          <DeliveriesTable rows={rows} sort={sort} showPartner={showPartner} />
        )}
        <Pager
          prevHref={page.prevCursor ? withParams(url, { cursor: page.prevCursor }) : null}
          firstHref={page.atStart ? null : withParams(url, { cursor: undefined })}
          nextHref={page.nextCursor ? withParams(url, { cursor: page.nextCursor }) : null}
          shown={`${format.number(rows.length)} shown`}
          total={total}
        />
      </div>
    </>
  );
}
