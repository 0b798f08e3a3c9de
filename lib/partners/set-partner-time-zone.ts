// A partner's time zone: the zone its people enter delivery windows in and read them back in
// (README "Delivery windows"). Stored in its canonical IANA spelling; windows already stored are
// instants, so changing the zone changes how they read, never when they are.
import { partnerScope, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/core/errors";
import { parseWith } from "@/lib/core/validation";
import { db } from "@/lib/db";
import { setPartnerTimeZoneSchema, type SetPartnerTimeZoneInput } from "@/lib/partners/schemas";

/** Sets the time zone of a partner in the caller's scope (a partner user: its own; admins: any). */
export async function setPartnerTimeZone({ actor, input }: { actor: Actor; input: SetPartnerTimeZoneInput }) {
  authorize(actor, "partners.settings");
  const scope = partnerScope(actor);
  // Callers other than the form (the CLI, a test) may pass anything: the one schema decides.
  const { id, timeZone } = parseWith(setPartnerTimeZoneSchema, input);
  if (scope !== null && scope !== id) throw new AppError("not_found", "No partner with this id.");
  const { count } = await db.partner.updateMany({ where: { id }, data: { timeZone } });
  if (count === 0) throw new AppError("not_found", "No partner with this id.");
  return db.partner.findUniqueOrThrow({ where: { id }, select: { id: true, name: true, timeZone: true } });
}
