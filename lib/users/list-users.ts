import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";

/** Every user with what the admin pages show; grouped by partner there. */
export async function listUsers({ actor }: { actor: Actor }) {
  authorize(actor, "users.manage");
  return db.user.findMany({
    orderBy: { email: "asc" },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      partnerId: true,
      active: true,
      lastSignInAt: true,
      createdAt: true,
    },
  });
}
