// Deactivation takes effect at once: authenticate() refuses the user's password and
// sessionActor() re-reads the flag on every request, so an open session ends too.
import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { SetActiveInput } from "@/lib/users/schemas";

export async function setUserActive({ actor, input }: { actor: Actor; input: SetActiveInput }) {
  authorize(actor, "users.manage");
  // An admin locking themselves out would leave nobody to undo it.
  if (input.id === actor.id && !input.active) throw new AppError("conflict", "You cannot deactivate your own account.");
  const { count } = await db.user.updateMany({ where: { id: input.id }, data: { active: input.active } });
  if (count === 0) throw new AppError("not_found", "No user with this id.");
  return db.user.findUniqueOrThrow({ where: { id: input.id }, select: { id: true, email: true, active: true } });
}
