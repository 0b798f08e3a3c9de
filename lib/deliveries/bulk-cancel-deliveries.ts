// Dispatch at volume: cancel many deliveries with one reason, each row through the single-delivery
// status change (its own locked transaction, history row and outbox event).
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { applyToEach } from "@/lib/deliveries/bulk-apply";
import type { BulkCancelInput } from "@/lib/deliveries/bulk-schemas";
import { transitionDelivery } from "@/lib/deliveries/transition-delivery";

export async function bulkCancelDeliveries({ actor, input }: { actor: Actor; input: BulkCancelInput }) {
  authorize(actor, "deliveries.bulkDispatch");
  return applyToEach(actor, input.items, (item) =>
    transitionDelivery({
      actor,
      id: item.id,
      input: { status: "CANCELLED", reason: input.reason },
      expectedVersion: item.version,
    }),
  );
}
