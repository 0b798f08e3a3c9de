import { partnerScope, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";

/** Partners in the caller's scope, by name: every partner for admins, their own for a partner user. */
export async function listPartners({ actor }: { actor: Actor }) {
  authorize(actor, "partners.read");
  const scope = partnerScope(actor);
  return db.partner.findMany({
    where: scope ? { id: scope } : {},
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      contactEmail: true,
      active: true,
      createdAt: true,
      proofOfDelivery: true,
      timeZone: true,
    },
  });
}
