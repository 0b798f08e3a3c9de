// The email log for admins (/admin/emails): newest first, and one message with its content.
import { AppError } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { z } from "zod";

export async function listEmails({ actor, limit = 100 }: { actor: Actor; limit?: number }) {
  authorize(actor, "emails.read");
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

export async function getEmail({ actor, id }: { actor: Actor; id: string }) {
  authorize(actor, "emails.read");
  const email = z.uuid().safeParse(id).success ? await db.emailMessage.findUnique({ where: { id } }) : null;
  if (!email) throw new AppError("not_found", "No email with this id.");
  return email;
}
