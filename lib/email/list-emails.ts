// The email log for admins (/admin/emails): newest first, and one message with its content.
import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { z } from "zod";
import { readCursor, writeCursor } from "@/lib/core/cursor";
import { cappedTotal } from "@/lib/core/pagination";

export const EMAILS_PER_PAGE = 100;

/**
 * One page of the log, newest first: keyset-paginated like the deliveries (lib/core/cursor.ts),
 * `cursor` naming the last message of the page before. A cursor that does not decode is the first page.
 */
export async function listEmails({
  actor,
  cursor,
  limit = EMAILS_PER_PAGE,
}: {
  actor: Actor;
  cursor?: string;
  limit?: number;
}) {
  authorize(actor, "emails.read");
  const after = cursor ? readCursor(cursor) : null;
  const at = after ? new Date(after.value) : null;
  const [rows, total] = await Promise.all([
    db.emailMessage.findMany({
      where:
        after && at
          ? { createdAt: { lte: at }, OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: after.id } }] }
          : {},
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: EMAIL_ROW,
    }),
    cappedTotal((take) => db.emailMessage.count({ take })),
  ]);
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return {
    data,
    nextCursor: rows.length > limit && last ? writeCursor(last.createdAt.toISOString(), last.id) : null,
    atStart: !after,
    total,
  };
}

const EMAIL_ROW = {
  id: true,
  to: true,
  template: true,
  subject: true,
  status: true,
  error: true,
  createdAt: true,
  deliveryId: true,
} as const;

export async function getEmail({ actor, id }: { actor: Actor; id: string }) {
  authorize(actor, "emails.read");
  const email = z.uuid().safeParse(id).success ? await db.emailMessage.findUnique({ where: { id } }) : null;
  if (!email) throw new AppError("not_found", "No email with this id.");
  return email;
}
