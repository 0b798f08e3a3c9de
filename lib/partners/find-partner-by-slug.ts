import { partnerScope, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";

/** The partner with this slug within the caller's scope, or null (the CLI looks partners up by slug). */
export async function findPartnerBySlug({ actor, slug }: { actor: Actor; slug: string }) {
  authorize(actor, "partners.read");
  const scope = partnerScope(actor);
  return db.partner.findFirst({
    where: { slug, ...(scope ? { id: scope } : {}) },
    select: { id: true, slug: true, name: true },
  });
}
