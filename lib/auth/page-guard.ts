// The one way a page learns who is looking: requireActor(PAGES.x) for every signed-in page (the
// same list the navigation is built from), and orNotFound() around a use case whose "not found"
// should be the 404 page. Cached per request, so the layout and the page share one database read.
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { sessionActor } from "@/lib/auth";
import type { AppPage } from "@/lib/auth/pages";
import { can } from "@/lib/auth/permissions";

export type UserActor = Extract<Actor, { kind: "USER" }>;

export const currentActor = cache(async (): Promise<UserActor | null> => {
  const actor = await sessionActor();
  return actor?.kind === "USER" ? actor : null;
});

/**
 * The signed-in user allowed to open `page`, or a redirect to sign-in (back to `path`, by default
 * the page itself, afterwards). A user without the page's permission gets the 404 page: the
 * existence of admin pages is not revealed either.
 */
export async function requireActor(page: AppPage, path: string = page.href): Promise<UserActor> {
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (!can(actor, page.permission)) notFound();
  return actor;
}

/** A use case's result, or the 404 page when it answers not found (missing, or outside the caller's scope). */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
