import { AppError } from "@/lib/core/errors";
import { can, type ActorRole } from "@/lib/auth/permissions";

/**
 * Whoever is calling: a signed-in user, an API key, or the operator (the CLI and the seed, run by
 * whoever has shell access to the deployment — never a request). A partner's key acts for its
 * partner (role API_KEY), an admin key as an admin does (role ADMIN, recorded as the key), and a
 * courier's key is that courier exactly as their session would be (a USER actor).
 */
export type Actor =
  | {
      kind: "USER";
      id: string;
      role: Extract<ActorRole, "ADMIN" | "PARTNER" | "COURIER">;
      partnerId: string | null;
      email: string;
    }
  | { kind: "API_KEY"; id: string; role: "API_KEY"; partnerId: string }
  | { kind: "API_KEY"; id: string; role: "ADMIN"; partnerId: null }
  | { kind: "SYSTEM"; id: string; role: "ADMIN"; partnerId: null };

/**
 * The operator CLI (`npm run admin`) and the seed: someone with shell access to the deployment,
 * who may do what an admin may. Never the caller of a request: route handlers, server actions and
 * pages resolve theirs from the session or an API key. Recorded as SYSTEM where actors are stored.
 */
export const OPERATOR_ACTOR: Actor = Object.freeze({
  kind: "SYSTEM",
  id: "00000000-0000-0000-0000-000000000000",
  role: "ADMIN",
  partnerId: null,
});

/** The partner whose rows this actor is limited to; null means every partner (the table decides who). */
export function partnerScope(actor: Actor): string | null {
  if (can(actor, "partners.all")) return null;
  if (!actor.partnerId) throw new AppError("not_found", "Not found.");
  return actor.partnerId;
}

/**
 * Which deliveries this actor may see and move: a partner's (partnerId), a courier's own
 * assignments (assigneeId), or all (both null). Delivery use cases put both into their queries.
 */
export function deliveryScope(actor: Actor): { partnerId: string | null; assigneeId: string | null } {
  if (can(actor, "deliveries.assignedOnly")) return { partnerId: null, assigneeId: actor.id };
  return { partnerId: partnerScope(actor), assigneeId: null };
}

/** The user id to record as creator, when the actor is a person (stored ids reference users). */
export function userIdOf(actor: Actor): string | null {
  return actor.kind === "USER" ? actor.id : null;
}
