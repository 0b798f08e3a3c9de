// Filters as a plain GET form: the view lives in the URL and works before JavaScript loads.
// Once it has, each change applies at once, as a client-side navigation.
import { AutoApplyForm } from "@/components/ui/auto-apply-form";
import { PartnerSelect } from "@/components/partner-select";
import { STATUS_LABELS } from "@/lib/deliveries/status-labels";
import { LIMITS, TABLE_PAGE_SIZES, type DeliveryTableQuery } from "@/lib/deliveries/schemas";
import { DELIVERY_STATUSES } from "@/lib/deliveries/state-machine";
import { Button, ButtonLink } from "@/components/ui/button";
import { UNASSIGNED } from "@/lib/deliveries/list-deliveries";

interface Props {
  query: Partial<DeliveryTableQuery>;
  partners: { id: string; name: string; slug: string }[] | null;
  /** Dispatch's courier filter (with "Unassigned"); null for people who see no couriers. */
  couriers: { id: string; name: string; active: boolean }[] | null;
}

export function DeliveriesFilters({ query, partners, couriers }: Props) {
  const selected = new Set(query.status ?? []);
  return (
    <AutoApplyForm action="/deliveries" className="card grid gap-4" role="search" aria-label="Filter deliveries">
      {query.sort && <input type="hidden" name="sort" value={query.sort} />}
      {query.import && <input type="hidden" name="import" value={query.import} />}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <label htmlFor="q" className="label">
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query.q ?? ""}
            maxLength={LIMITS.search}
            className="input mt-1"
            placeholder="Tracking code, reference, recipient, address"
          />
        </div>
        <div>
          <label htmlFor="from" className="label">
            Created from
          </label>
          <input
            id="from"
            name="from"
            type="date"
            defaultValue={query.from?.slice(0, 10) ?? ""}
            className="input mt-1"
          />
        </div>
        <div>
          <label htmlFor="to" className="label">
            Created to
          </label>
          <input id="to" name="to" type="date" defaultValue={query.to?.slice(0, 10) ?? ""} className="input mt-1" />
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-4">
        <fieldset>
          <legend className="label">Status</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {DELIVERY_STATUSES.map((status) => (
              <label key={status} className="inline-flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  name="status"
                  value={status}
                  defaultChecked={selected.has(status)}
                  className="size-4 accent-blue-700"
                />
                {STATUS_LABELS[status]}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="inline-flex items-center gap-1.5 self-end pb-2 text-sm">
          <input
            type="checkbox"
            name="late"
            value="true"
            defaultChecked={query.late === true}
            className="size-4 accent-blue-700"
            data-testid="filter-late"
          />
          Late only
        </label>
        {partners && <PartnerSelect partners={partners} defaultValue={query.partnerId ?? ""} allLabel="All partners" />}
        {couriers && (
          <div>
            <label htmlFor="assigneeId" className="label">
              Courier
            </label>
            <select id="assigneeId" name="assigneeId" defaultValue={query.assigneeId ?? ""} className="input mt-1">
              <option value="">Any courier</option>
              <option value={UNASSIGNED}>Unassigned</option>
              {couriers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.active ? c.name : `${c.name} (inactive)`}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="limit" className="label">
            Rows
          </label>
          <select id="limit" name="limit" defaultValue={String(query.limit ?? 20)} className="input mt-1">
            {TABLE_PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div className="ml-auto flex gap-2">
          <ButtonLink href="/deliveries" variant="ghost">
            Reset
          </ButtonLink>
          {/* Secondary: the page's one primary action is "New delivery". */}
          <Button type="submit">Apply filters</Button>
        </div>
      </div>
    </AutoApplyForm>
  );
}
