import { parseWith } from "@/lib/core/validation";
import { AppError, uniqueViolation } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { hashPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db";
import { createUserSchema, type CreateUserInput } from "@/lib/users/schemas";

/** Validates here too, so no caller (CLI, seed, a future admin page) can store a short password. */
export async function createUser({ actor, input: raw }: { actor: Actor; input: CreateUserInput }) {
  authorize(actor, "users.manage");
  const input = parseWith(createUserSchema, raw, "user");
  const passwordHash = await hashPassword(input.password);
  // The unique index decides, not a read before the write: two concurrent creates of one email
  // give one user and one 409, never a 500.
  try {
    return await db.user.create({
      data: {
        email: input.email,
        name: input.name || null,
        role: input.role,
        partnerId: input.partnerId ?? null,
        passwordHash,
      },
      select: { id: true, email: true, name: true, role: true, partnerId: true },
    });
  } catch (error) {
    if (uniqueViolation(error)?.constraint === "User_email_key") {
      throw new AppError("conflict", `A user with the email ${input.email} already exists.`);
    }
    throw error;
  }
}
