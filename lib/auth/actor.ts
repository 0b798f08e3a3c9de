import type { ActorRole } from "@/lib/auth/permissions";

/** Whoever is calling: a signed-in user or an API key acting for its partner. */
export type Actor =
  | { kind: "USER"; id: string; role: Extract<ActorRole, "ADMIN" | "PARTNER">; partnerId: string | null; email: string }
  | { kind: "API_KEY"; id: string; role: "API_KEY"; partnerId: string };

/** The partner whose rows this actor is limited to; null means every partner (admins). */
export function partnerScope(actor: Actor): string | null {
  if (actor.role === "ADMIN") return null;
  if (!actor.partnerId) throw new Error(`Actor ${actor.id} has role ${actor.role} but no partner`);
  return actor.partnerId;
}
