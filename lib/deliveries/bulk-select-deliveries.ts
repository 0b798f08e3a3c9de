// "Select all matching" on the deliveries table: the rows of a view (up to the bulk cap), each with
// the version the admin is shown now, so a row that changes before the action is skipped as changed.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { cappedTotal } from "@/lib/core/pagination";
import { db } from "@/lib/db";
import { BULK_LIMIT } from "@/lib/deliveries/bulk-schemas";
import { buildWhere, importKeysOf } from "@/lib/deliveries/list-deliveries";
import type { ListDeliveriesQuery } from "@/lib/deliveries/schemas";

export async function bulkSelectDeliveries({ actor, query }: { actor: Actor; query: ListDeliveriesQuery }) {
  authorize(actor, "deliveries.bulkDispatch");
  const where = buildWhere(actor, { ...query, cursor: undefined }, await importKeysOf(actor, query));
  const [items, total] = await Promise.all([
    db.delivery.findMany({
      where,
      select: { id: true, version: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: BULK_LIMIT,
    }),
    cappedTotal((take) => db.delivery.count({ where, take })),
  ]);
  return { items, total };
}
