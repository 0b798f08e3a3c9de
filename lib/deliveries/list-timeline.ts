// The status history as people read it: who (a name, not an id), when, why. Partners see their
// own colleagues and keys by name; couriers by name (as in "Assigned to …"); other platform staff
// appear as such, without their addresses.
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { listStatusEvents } from "@/lib/deliveries/get-delivery";

export async function listTimeline({ actor, id }: { actor: Actor; id: string }) {
  const events = await listStatusEvents({ actor, id });
  const ids = (kind: string) => [
    ...new Set(events.filter((e) => e.actor.kind === kind && e.actor.id).map((e) => e.actor.id!)),
  ];
  const assignees = [...new Set(events.map((e) => e.assigneeId).filter((id): id is string => !!id))];
  const [users, keys, couriers] = await Promise.all([
    db.user.findMany({
      where: { id: { in: ids("USER") } },
      select: { id: true, email: true, name: true, partnerId: true, role: true },
    }),
    db.apiKey.findMany({ where: { id: { in: ids("API_KEY") } }, select: { id: true, name: true, prefix: true } }),
    db.user.findMany({ where: { id: { in: assignees } }, select: { id: true, name: true } }),
  ]);
  // Who has it, as partners may read it (a courier's name, never their address).
  const courierNames = new Map(couriers.map((c) => [c.id, c.name || "a courier"]));
  const everyone = can(actor, "partners.all");
  const names = new Map<string, string>();
  for (const u of users) {
    // Staff see staff; a partner sees its own colleagues; a courier only staff (partnerId null).
    const visible = everyone || u.partnerId === actor.partnerId;
    const outsider = u.role === "COURIER" ? `${u.name || "The courier"} (courier)` : "Delivery platform staff";
    names.set(u.id, visible ? (u.name ? `${u.name} (${u.email})` : u.email) : outsider);
  }
  for (const k of keys) names.set(k.id, `API key “${k.name}” (${k.prefix}…)`);
  return events.map((e, i) => ({
    ...e,
    actorName: (e.actor.id && names.get(e.actor.id)) ?? (e.actor.kind === "SYSTEM" ? "System" : "Unknown"),
    /** Set where the assignee changed: "Assigned to …" or "Unassigned". */
    assignment:
      i > 0 && e.assigneeId !== events[i - 1].assigneeId
        ? e.assigneeId
          ? `Assigned to ${courierNames.get(e.assigneeId) ?? "a courier"}`
          : "Unassigned"
        : null,
  }));
}
