// Writes in-app notifications. The (user, dedupeKey) unique index makes a repeated run of the same
// Inngest step add nothing.
import { db } from "@/lib/db";
import { PERMISSIONS } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

export interface NotificationInput {
  kind: string;
  title: string;
  body: string;
  dedupeKey: string;
  deliveryId?: string | null;
  /** The CSV import it is about, where opening it leads. */
  importId?: string | null;
}

export async function notifyUsers(userIds: string[], notification: NotificationInput): Promise<number> {
  if (userIds.length === 0) return 0;
  const { count } = await db.notification.createMany({
    data: userIds.map((userId) => ({
      userId,
      ...notification,
      deliveryId: notification.deliveryId ?? null,
      importId: notification.importId ?? null,
    })),
    skipDuplicates: true,
  });
  return count;
}

/** Active users of a partner: they hear about their organisation's deliveries and webhook. */
export async function partnerUserIds(partnerId: string): Promise<string[]> {
  const users = await db.user.findMany({ where: { partnerId, active: true }, select: { id: true } });
  return users.map((u) => u.id);
}

/** Active staff who oversee every delivery (the permission table decides who that is). */
export async function operatorUsers(): Promise<{ id: string; email: string }[]> {
  const roles = (PERMISSIONS["deliveries.readAll"] as readonly string[]).filter(
    (r): r is Role => r === "ADMIN" || r === "PARTNER",
  );
  return db.user.findMany({ where: { role: { in: roles }, active: true }, select: { id: true, email: true } });
}
