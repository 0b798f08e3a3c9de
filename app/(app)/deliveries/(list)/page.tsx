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
import { requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { can } from "@/lib/auth/permissions";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { deliveryTableQuerySchema, parseSort } from "@/lib/deliveries/schemas";
import { formatDate } from "@/lib/deliveries/serialize";
import { listPartners } from "@/lib/partners/list-partners";

export const metadata: Metadata = { title: "Deliveries" };

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const params = await searchParams;
  const actor = await requireActor(PAGES.deliveries, `/deliveries?${toUrlSearchParams(params)}`);
  const showPartner = can(actor, "deliveries.readAll");
  const parsed = deliveryTableQuerySchema.safeParse(tableQueryObject(params));
  const partners = showPartner ? await listPartners({ actor }) : null;

  const heading = (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
      <h1 className="page-title">Deliveries</h1>
      <div className="flex flex-wrap gap-2">
        {parsed.success && (
          <a href={exportHref(toUrlSearchParams(params))} className="btn btn-secondary" download>
            Export CSV
          </a>
        )}
        {can(actor, "deliveries.create") && (
          <Link href="/deliveries/new" className="btn btn-primary">
            New delivery
          </Link>
        )}
      </div>
    </div>
  );
  if (!parsed.success) {
    return (
      <>
        {heading}
        <Notice tone="error" testId="filters-invalid">
          This view’s filters are not valid (
          {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}).{" "}
          <Link href="/deliveries" className="link">
            Show all deliveries
          </Link>
        </Notice>
      </>
    );
  }

  const query = parsed.data;
  const sort = parseSort(query.sort);
  const page = await listDeliveries({ actor, query, sort });
  const rows: DeliveryTableRow[] = page.data.map((d) => ({
    id: d.id,
    trackingCode: d.trackingCode,
    status: d.status,
    recipientName: d.recipientName,
    dropoffAddress: d.dropoffAddress,
    externalReference: d.externalReference,
    deliveryDate: formatDate(d.deliveryDate),
    createdAt: d.createdAt.toISOString(),
    partnerName: d.partner.name,
  }));
  const url = toUrlSearchParams(params);
  const filtered = Boolean(query.q || query.status?.length || query.from || query.to || query.partnerId);

  return (
    <>
      {heading}
      <div className="grid gap-4">
        <DeliveriesFilters query={query} partners={partners} />
        {rows.length === 0 ? (
          <div className="card text-center" data-testid="deliveries-empty">
            <p className="font-medium">
              {filtered || query.cursor ? "No deliveries match this view." : "No deliveries yet."}
            </p>
            {filtered ? (
              <Link href="/deliveries" className="link mt-2 inline-block">
                Clear the filters
              </Link>
            ) : (
              can(actor, "deliveries.create") && (
                <Link href="/deliveries/new" className="link mt-2 inline-block">
                  Submit your first delivery
                </Link>
              )
            )}
          </div>
        ) : (
          <DeliveriesTable rows={rows} sort={sort} showPartner={showPartner} />
        )}
        <nav aria-label="Pages" className="flex items-center justify-between gap-2">
          {page.prevCursor ? (
            <Link href={withParams(url, { cursor: page.prevCursor })} className="btn btn-secondary" rel="prev">
              ← Previous
            </Link>
          ) : query.cursor ? (
            <Link href={withParams(url, { cursor: undefined })} className="btn btn-secondary">
              ← First page
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-600" aria-live="polite">
            {rows.length} shown
          </span>
          {page.nextCursor ? (
            <Link href={withParams(url, { cursor: page.nextCursor })} className="btn btn-secondary" rel="next">
              Next →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      </div>
    </>
  );
}
