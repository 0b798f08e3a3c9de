// The email log for admins (/admin/emails): newest first, and one message with its content.
import { AppError } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { z } from "zod";

function assertCanRead(actor: Actor | null): asserts actor is Actor {
  // Pages answer 404 rather than 403 so the log's existence does not leak (DESIGN §2).
  if (!can(actor, "emails.read")) throw new AppError("not_found", "No such page.");
}

export async function listEmails({ actor, limit = 100 }: { actor: Actor | null; limit?: number }) {
  assertCanRead(actor);
  return db.emailMessage.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      to: true,
      template: true,
      subject: true,
      status: true,
      error: true,
      createdAt: true,
      deliveryId: true,
    },
  });
}

export async function getEmail({ actor, id }: { actor: Actor | null; id: string }) {
  assertCanRead(actor);
  const email = z.uuid().safeParse(id).success ? await db.emailMessage.findUnique({ where: { id } }) : null;
  if (!email) throw new AppError("not_found", "No email with this id.");
  return email;
}
