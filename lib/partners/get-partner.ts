import { db } from "@/lib/db";

export function getPartner(id: string) {
  return db.partner.findUnique({ where: { id }, select: { id: true, name: true, slug: true, active: true } });
}
