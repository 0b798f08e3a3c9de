import { parseWith } from "@/lib/api/body";
import { AppError } from "@/lib/api/errors";
import { hashPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db";
import { createUserSchema, type CreateUserInput } from "@/lib/users/schemas";

/** Validates here too, so no caller (CLI, seed, a future admin page) can store a short password. */
export async function createUser(raw: CreateUserInput) {
  const input = parseWith(createUserSchema, raw, "user");
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("conflict", `A user with the email ${input.email} already exists.`);
  return db.user.create({
    data: {
      email: input.email,
      name: input.name || null,
      role: input.role,
      partnerId: input.partnerId ?? null,
      passwordHash: await hashPassword(input.password),
    },
    select: { id: true, email: true, name: true, role: true, partnerId: true },
  });
}
