// The status history as people read it: who (a name, not an id), when, why. Partners see their
// own colleagues and keys by name; platform staff appear as such, without their addresses.
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { listStatusEvents } from "@/lib/deliveries/get-delivery";

export async function listTimeline({ actor, id }: { actor: Actor; id: string }) {
  const events = await listStatusEvents({ actor, id });
  const ids = (kind: string) => [
    ...new Set(events.filter((e) => e.actor.kind === kind && e.actor.id).map((e) => e.actor.id!)),
  ];
  const [users, keys] = await Promise.all([
    db.user.findMany({
      where: { id: { in: ids("USER") } },
      select: { id: true, email: true, name: true, partnerId: true },
    }),
    db.apiKey.findMany({ where: { id: { in: ids("API_KEY") } }, select: { id: true, name: true, prefix: true } }),
  ]);
  const everyone = can(actor, "partners.all");
  const names = new Map<string, string>();
  for (const u of users) {
    // Staff see staff; a partner sees its own colleagues; a courier only staff (partnerId null).
    const visible = everyone || u.partnerId === actor.partnerId;
    names.set(u.id, visible ? (u.name ? `${u.name} (${u.email})` : u.email) : "Delivery platform staff");
  }
  for (const k of keys) names.set(k.id, `API key “${k.name}” (${k.prefix}…)`);
  return events.map((e) => ({
    ...e,
    actorName: (e.actor.id && names.get(e.actor.id)) ?? (e.actor.kind === "SYSTEM" ? "System" : "Unknown"),
  }));
}
