import { AppError } from "@/lib/api/errors";
import { hashPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db";
import type { CreateUserInput } from "@/lib/users/schemas";

export async function createUser(input: CreateUserInput) {
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
