import { db } from "@/lib/db";

/** Every user with what the admin pages show; grouped by partner there. */
export function listUsers() {
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
