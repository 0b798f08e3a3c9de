// Deliveries per day, stacked by status, as plain server-rendered SVG: no client JavaScript and
// a fixed aspect ratio, so nothing jumps while the page loads. The same numbers are in a table
// for screen readers.
import { STATUS_COLORS } from "@/components/status-badge";
import { STATUS_LABELS } from "@/lib/deliveries/status-labels";
import type { DayCounts } from "@/lib/deliveries/get-delivery-stats";
import { DELIVERY_STATUSES } from "@/lib/deliveries/state-machine";

const W = 720;
const H = 220;
const PAD = { top: 10, right: 8, bottom: 26, left: 36 };

export function PerDayChart({ days }: { days: DayCounts[] }) {
  const totals = days.map((d) => DELIVERY_STATUSES.reduce((sum, s) => sum + d.counts[s], 0));
  // A round top value, so the three grid lines read 0, half, top as whole numbers.
  const highest = Math.max(0, ...totals);
  const max = highest <= 4 ? 4 : Math.ceil(highest / 4) * 4;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / days.length;
  const y = (value: number) => PAD.top + plotH - (value / max) * plotH;

  return (
    <figure className="grid min-w-0 gap-3">
      {/* Never narrower than 36rem, so the labels stay readable: a phone scrolls the chart sideways,
          starting at the most recent days (a right-to-left scroller opens at its right end). */}
      <div className="overflow-x-auto [direction:rtl]" tabIndex={0} role="region" aria-label="Chart, scrolls sideways">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="h-auto w-full min-w-[36rem] [direction:ltr]"
          role="img"
          aria-labelledby="chart-title"
          data-testid="per-day-chart"
        >
          {/* One string: a <title> with several text children renders differently on the server and
              in the browser (React error #418 on hydration). */}
          <title id="chart-title">{`Deliveries created per day over the last ${days.length} days, by current status`}</title>
          {[0, 0.5, 1].map((f) => (
            <g key={f}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} stroke="#e2e8f0" />
              <text x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end" fontSize="13" fill="#64748b">
                {Math.round(max * f)}
              </text>
            </g>
          ))}
          {days.map((d, i) => {
            let base = 0;
            return (
              <g key={d.day}>
                <title>{`${d.day}: ${totals[i]} deliveries`}</title>
                {DELIVERY_STATUSES.map((s) => {
                  const value = d.counts[s];
                  if (!value) return null;
                  const top = y(base + value);
                  const rect = (
                    <rect
                      key={s}
                      x={PAD.left + i * slot + slot * 0.15}
                      width={slot * 0.7}
                      y={top}
                      height={y(base) - top}
                      fill={STATUS_COLORS[s]}
                    />
                  );
                  base += value;
                  return rect;
                })}
                {i % 5 === 0 && (
                  <text x={PAD.left + i * slot + slot / 2} y={H - 8} textAnchor="middle" fontSize="13" fill="#64748b">
                    {d.day.slice(5)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {DELIVERY_STATUSES.map((s) => (
          <span key={s} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="size-2.5 rounded-sm" style={{ background: STATUS_COLORS[s] }} />
            {STATUS_LABELS[s]}
          </span>
        ))}
      </figcaption>
      {/* The wrapper hides it: a table ignores the 1 px width of .sr-only and widens the page. */}
      <div className="sr-only">
        <table>
          <caption>Deliveries per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {DELIVERY_STATUSES.map((s) => (
                <th key={s} scope="col">
                  {STATUS_LABELS[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                {DELIVERY_STATUSES.map((s) => (
                  <td key={s}>{d.counts[s]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
