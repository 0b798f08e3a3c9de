import { AppError } from "@/lib/core/errors";
import { partnerScope, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { z } from "zod";

/** One partner within the caller's scope; another partner, or none, answers not found. */
export async function getPartner({ actor, id }: { actor: Actor; id: string }) {
  authorize(actor, "partners.read");
  const scope = partnerScope(actor);
  const partner =
    z.uuid().safeParse(id).success && (scope === null || scope === id)
      ? await db.partner.findUnique({
          where: { id },
          select: { id: true, name: true, slug: true, active: true, timeZone: true },
        })
      : null;
  if (!partner) throw new AppError("not_found", "No partner with this id.");
  return partner;
}
