// A signed-in user's own notifications: list, unread count, mark one or all read. Every query is
// scoped to the user, so another user's notification answers 404.
import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { ListNotificationsQuery } from "@/lib/notifications/schemas";
import { z } from "zod";

/** Whose notifications: the permission table first, then the scope is the signed-in user alone. */
function userId(actor: Actor): string {
  authorize(actor, "notifications.read");
  if (actor.kind !== "USER") throw new AppError("not_found", "Notifications belong to signed-in users.");
  return actor.id;
}

const select = {
  id: true,
  kind: true,
  title: true,
  body: true,
  deliveryId: true,
  importId: true,
  readAt: true,
  createdAt: true,
} as const;

export async function listNotifications({ actor, query }: { actor: Actor; query: ListNotificationsQuery }) {
  const id = userId(actor);
  const [rows, unreadCount] = await Promise.all([
    db.notification.findMany({
      where: { userId: id, ...(query.unread ? { readAt: null } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: query.limit,
      select,
    }),
    countUnread({ actor }),
  ]);
  const data = rows.map((n) => ({
    ...n,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  }));
  return { data, unreadCount };
}

export async function countUnread({ actor }: { actor: Actor }): Promise<number> {
  return db.notification.count({ where: { userId: userId(actor), readAt: null } });
}

export async function markNotificationRead({ actor, id }: { actor: Actor; id: string }) {
  const owner = userId(actor);
  const notFound = new AppError("not_found", "No notification with this id.");
  if (!z.uuid().safeParse(id).success) throw notFound;
  // Keeps the first read time when marked twice.
  const { count } = await db.notification.updateMany({
    where: { id, userId: owner, readAt: null },
    data: { readAt: new Date() },
  });
  if (count === 0 && !(await db.notification.findFirst({ where: { id, userId: owner }, select: { id: true } })))
    throw notFound;
}

export async function markAllNotificationsRead({ actor }: { actor: Actor }): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { userId: userId(actor), readAt: null },
    data: { readAt: new Date() },
  });
  return count;
}
