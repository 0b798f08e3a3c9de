import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/core/errors";
import { db } from "@/lib/db";
import type { SetPartnerProofInput } from "@/lib/partners/schemas";

/** What a partner's couriers must bring back when completing: none, code, photo or signature. */
export async function setPartnerProof({ actor, input }: { actor: Actor; input: SetPartnerProofInput }) {
  authorize(actor, "partners.manage");
  const { count } = await db.partner.updateMany({
    where: { id: input.id },
    data: { proofOfDelivery: input.proofOfDelivery },
  });
  if (count === 0) throw new AppError("not_found", "No partner with this id.");
  return db.partner.findUniqueOrThrow({
    where: { id: input.id },
    select: { id: true, name: true, proofOfDelivery: true },
  });
}
