// A deactivated partner's users cannot sign in and its API keys stop resolving: authenticate(),
// sessionActor() and resolveApiKey() all check the partner's flag. Nothing is deleted, so
// reactivating restores access as it was.
import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { SetActiveInput } from "@/lib/users/schemas";

export async function setPartnerActive({ actor, input }: { actor: Actor; input: SetActiveInput }) {
  authorize(actor, "partners.manage");
  const { count } = await db.partner.updateMany({ where: { id: input.id }, data: { active: input.active } });
  if (count === 0) throw new AppError("not_found", "No partner with this id.");
  return db.partner.findUniqueOrThrow({ where: { id: input.id }, select: { id: true, name: true, active: true } });
}
