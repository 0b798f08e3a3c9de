// The admin overview's dispatch view (issue 14): each courier's load right now and today.
import Link from "next/link";
import type { CourierLoad } from "@/lib/users/list-couriers";

export function CourierLoadTable({ couriers }: { couriers: CourierLoad[] }) {
  const active = couriers.filter((c) => c.active);
  return (
    <section aria-labelledby="couriers-heading" className="card" data-testid="courier-load">
      <h2 id="couriers-heading" className="mb-3 text-base font-semibold">
        Couriers
      </h2>
      {active.length === 0 ? (
        <p className="text-sm text-slate-600">
          No active couriers.{" "}
          <Link href="/admin/partners" className="link">
            Add one
          </Link>
          .
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Load per courier</caption>
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Courier
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  Assigned
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  In transit
                </th>
                <th scope="col" className="py-1 text-right">
                  Delivered today
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {active.map((c) => (
                <tr key={c.id} data-testid={`courier-load-${c.email}`}>
                  <th scope="row" className="py-2 pr-3 text-left font-normal">
                    <Link href={`/deliveries?assigneeId=${c.id}`} className="link">
                      {c.name ?? c.email}
                    </Link>
                  </th>
                  <td className="py-2 pr-3 text-right">{c.assigned}</td>
                  <td className="py-2 pr-3 text-right">{c.inTransit}</td>
                  <td className="py-2 text-right">{c.completedToday}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
