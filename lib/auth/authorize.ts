// How a use case checks its caller: the permission table, and "not found" for anyone without the
// permission, so that neither the resource nor the feature is revealed (DESIGN §2).
import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";

export function authorize(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!can(actor, permission)) throw new AppError("not_found", "Not found.");
}
