// The time zones of the partners behind deliveries the caller reads: windows are shown in the
// partner's zone (the row's partner for staff, the caller's own for a partner user).
import { deliveryScope, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";

/** Partner id → IANA zone, for the given partners in the caller's delivery scope; others are left out. */
export async function listPartnerTimeZones({
  actor,
  ids,
}: {
  actor: Actor;
  ids: readonly string[];
}): Promise<Map<string, string>> {
  authorize(actor, "deliveries.read");
  const scope = deliveryScope(actor);
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db.partner.findMany({
    where: {
      id: { in: scope.partnerId ? wanted.filter((id) => id === scope.partnerId) : wanted },
      // A courier: only partners of deliveries assigned to them.
      ...(scope.assigneeId ? { deliveries: { some: { assigneeId: scope.assigneeId } } } : {}),
    },
    select: { id: true, timeZone: true },
  });
  return new Map(rows.map((p) => [p.id, p.timeZone]));
}
