// Pages and server actions ask here who is signed in. Cached per request, so the layout and the
// page share one database read. Authorisation still happens next to the data (scoped lookups).
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { sessionActor } from "@/lib/auth";
import { can, type Permission } from "@/lib/auth/permissions";

export type UserActor = Extract<Actor, { kind: "USER" }>;

export const currentActor = cache(async (): Promise<UserActor | null> => {
  const actor = await sessionActor();
  return actor?.kind === "USER" ? actor : null;
});

/**
 * The signed-in user, or a redirect to sign-in (back to `path` afterwards). A user without the
 * permission gets the 404 page: existence of admin pages is not revealed either.
 */
export async function requireActor(options: { path: string; permission?: Permission }): Promise<UserActor> {
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(options.path)}`);
  if (options.permission && !can(actor, options.permission)) notFound();
  return actor;
}

/** For server actions: null when signed out or not allowed, so the action answers "not found". */
export async function actionActor(permission: Permission): Promise<UserActor | null> {
  const actor = await currentActor();
  return actor && can(actor, permission) ? actor : null;
}
