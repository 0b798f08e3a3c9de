// The admin overview's dispatch view: each courier's load right now and today.
import Link from "next/link";
import { DataList } from "@/components/ui/data-list";
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
        <DataList
          caption="Load per courier"
          rows={active}
          rowKey={(c) => c.id}
          rowTestId={(c) => `courier-load-${c.email}`}
          columns={[
            {
              key: "courier",
              header: "Courier",
              cell: (c) => (
                <Link href={`/deliveries?assigneeId=${c.id}`} className="link">
                  {c.name ?? c.email}
                </Link>
              ),
            },
            { key: "assigned", header: "Assigned", align: "end", className: "tabular-nums", cell: (c) => c.assigned },
            {
              key: "inTransit",
              header: "In transit",
              align: "end",
              className: "tabular-nums",
              cell: (c) => c.inTransit,
            },
            {
              key: "today",
              header: "Delivered today",
              align: "end",
              className: "tabular-nums",
              cell: (c) => c.completedToday,
            },
          ]}
        />
      )}
    </section>
  );
}
