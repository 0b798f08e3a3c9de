// Demo accounts have published passwords (README, start banner): find those still accepting them and
// replace them with random ones, so an install reachable beyond this machine hands out no account.
import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db";

export interface PublishedCredential {
  email: string;
  password: string;
}

/** The active accounts among `published` that still accept their published password. */
export async function accountsOnPublishedPasswords(published: PublishedCredential[]) {
  const users = await db.user.findMany({
    where: { email: { in: published.map((p) => p.email) }, active: true },
    omit: { passwordHash: false },
  });
  const checked = await Promise.all(
    users.map(async (u) => {
      const password = published.find((p) => p.email === u.email)!.password;
      return (await verifyPassword(password, u.passwordHash)) ? { id: u.id, email: u.email, role: u.role } : null;
    }),
  );
  return checked.filter((u) => u !== null);
}

/** Gives each account still on its published password a new random one, returned once. */
export async function resetPublishedPasswords(published: PublishedCredential[]) {
  const accounts = await accountsOnPublishedPasswords(published);
  const reset: { email: string; role: string; password: string }[] = [];
  for (const account of accounts) {
    const password = randomBytes(18).toString("base64url");
    await db.user.update({ where: { id: account.id }, data: { passwordHash: await hashPassword(password) } });
    reset.push({ email: account.email, role: account.role, password });
  }
  return reset;
}
