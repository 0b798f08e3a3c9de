import { AppError, uniqueViolation } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { CreatePartnerInput } from "@/lib/partners/schemas";

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return slug || "partner";
}

const NAME_INDEX = "Partner_name_lower_key";

async function nameTaken(name: string): Promise<boolean> {
  return (await db.partner.count({ where: { name: { equals: name, mode: "insensitive" } } })) > 0;
}

/** Concurrent creates of one name that keep colliding on slugs give up with a 409 after this many. */
const SLUG_ATTEMPTS = 5;

/**
 * Creates a partner with a unique slug derived from its name (`acme`, `acme-2`, …). The unique
 * index decides: the read only suggests a free slug, and a create that loses a race to the same
 * slug reads again and takes the next one.
 */
export async function createPartner({ actor, input }: { actor: Actor; input: CreatePartnerInput }) {
  authorize(actor, "partners.manage");
  const base = slugify(input.name);
  for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
    const taken = await db.partner.findMany({
      where: { slug: { startsWith: base } },
      select: { slug: true },
    });
    const used = new Set(taken.map((p) => p.slug));
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    try {
      return await db.partner.create({
        data: { name: input.name, slug, contactEmail: input.contactEmail ?? null },
        select: { id: true, slug: true, name: true, contactEmail: true, active: true, createdAt: true },
      });
    } catch (error) {
      const violation = uniqueViolation(error);
      if (!violation) throw error;
      if (violation.constraint === "Partner_slug_key") continue;
      // prisma/migrations/…_partner_name_unique: one name per partner, whatever its case.
      if (violation.constraint === NAME_INDEX || (await nameTaken(input.name))) {
        const message = `A partner named “${input.name}” already exists (names are compared ignoring case). Choose another name.`;
        throw new AppError("conflict", message, { errors: [{ path: "name", message }] });
      }
      throw error;
    }
  }
  throw new AppError("conflict", `Could not find a free slug for "${input.name}"; please retry.`);
}
