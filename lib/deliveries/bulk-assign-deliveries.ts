// Dispatch at volume: one courier for many deliveries (or none: unassign them), each row through
// the single-delivery assignment, so the state machine, the history and the outbox are the same.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { assignDelivery, notACourier } from "@/lib/deliveries/assign-delivery";
import { applyToEach } from "@/lib/deliveries/bulk-apply";
import type { BulkAssignInput } from "@/lib/deliveries/bulk-schemas";

export async function bulkAssignDeliveries({ actor, input }: { actor: Actor; input: BulkAssignInput }) {
  authorize(actor, "deliveries.bulkDispatch");
  const { assigneeId } = input;
  // Judged once up front (a wrong courier is the request's error, not each row's); each row's
  // transaction checks again, so a courier deactivated meanwhile gets no more rows.
  if (assigneeId !== null) {
    const courier = await db.user.findFirst({
      where: { id: assigneeId, role: "COURIER", active: true },
      select: { id: true },
    });
    if (!courier) throw notACourier();
  }
  return applyToEach(actor, input.items, (item) =>
    assignDelivery({ actor, id: item.id, input: { assigneeId }, expectedVersion: item.version }),
  );
}
