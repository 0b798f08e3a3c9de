// The admin overview's on-time rates: delivered inside the drop-off window ÷ delivered with one,
// per partner and per courier, over the last 7 and 30 days.
import { DataList } from "@/components/ui/data-list";
import type { Formatter } from "@/lib/core/format";
import { ON_TIME_PERIODS, type OnTimeRow } from "@/lib/deliveries/get-on-time-rates";

function RateTable({ title, rows, format }: { title: string; rows: OnTimeRow[]; format: Formatter }) {
  const cell = (row: OnTimeRow, days: (typeof ON_TIME_PERIODS)[number]) => {
    const p = row.periods[days];
    return p.rate === null
      ? "—"
      : `${format.percent(p.rate)} (${format.number(p.onTime)}/${format.number(p.delivered)})`;
  };
  return (
    <DataList
      caption={title}
      rows={rows}
      rowKey={(r) => r.id}
      rowTestId={(r) => `on-time-${r.id}`}
      columns={[
        { key: "name", header: title, cell: (r) => r.name },
        ...ON_TIME_PERIODS.map((days) => ({
          key: `d${days}`,
          header: `Last ${days} days`,
          align: "end" as const,
          className: "tabular-nums",
          cell: (r: OnTimeRow) => cell(r, days),
        })),
      ]}
    />
  );
}

export function OnTimeRates({
  rates,
  format,
}: {
  rates: { partners: OnTimeRow[]; couriers: OnTimeRow[] };
  format: Formatter;
}) {
  return (
    <section aria-labelledby="on-time-heading" className="card min-w-0" data-testid="on-time">
      <h2 id="on-time-heading" className="text-base font-semibold">
        On time
      </h2>
      <p className="mb-3 mt-1 text-sm text-slate-600">
        Delivered inside the drop-off window, of the deliveries with one completed in the period.
      </p>
      {rates.partners.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="on-time-empty">
          No delivery with a drop-off window was completed in the last 30 days.
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <RateTable title="Partner" rows={rates.partners} format={format} />
          <RateTable title="Courier" rows={rates.couriers} format={format} />
        </div>
      )}
    </section>
  );
}
