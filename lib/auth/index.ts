// Auth.js with email + password (credentials) and JWT sessions carrying role and partner.
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { apiKeyActor, bearerSecret } from "@/lib/auth/api-key-request";
import { authConfig } from "@/lib/auth/config";
import { DUMMY_HASH, verifyPassword } from "@/lib/auth/passwords";
import { signInBuckets, SignInRateLimited } from "@/lib/auth/rate-limits";
import { fitsPasswordHash } from "@/lib/users/schemas";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { clear, clientIp, hitEach, refund } from "@/lib/rate-limit";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  // Longer than bcrypt reads: no stored password can match, so it fails like a wrong one.
  password: z.string().min(1, "Enter your password").refine(fitsPasswordHash),
});

/**
 * The user for these credentials, or null; inactive users and partners cannot sign in. The
 * limits (lib/auth/rate-limits.ts) are checked before the (deliberately slow) hash: a client
 * past its caps is refused; an email that many clients failed on is slowed down, not refused.
 */
export async function authenticate(credentials: unknown, request?: Request) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const limits = request ? signInBuckets(parsed.data.email, clientIp(request.headers)) : undefined;
  if (limits) {
    const [ip, client] = await hitEach([limits.ip, limits.client]);
    if (!ip.allowed || !client.allowed) throw new SignInRateLimited();
    const [email] = await hitEach([limits.email]);
    // Every attempt waits, whatever its outcome: a fast answer would give a wrong password away.
    if (!email.allowed) await new Promise((resolve) => setTimeout(resolve, env().SIGNIN_SLOWDOWN_MS));
  }
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    omit: { passwordHash: false },
    include: { partner: { select: { active: true } } },
  });
  const valid = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid || !user.active || (user.partner && !user.partner.active)) return null;
  if (limits) {
    // Not a failure after all: this client's earlier typos are forgiven, the email's count given back.
    await clear([limits.client]);
    await refund([limits.email]);
  }
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, partnerId: user.partnerId };
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: authenticate,
    }),
  ],
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sid !== "string") return;
      const expiresAt = new Date(typeof token.exp === "number" ? token.exp * 1000 : Date.now() + SESSION_MAX_AGE_MS);
      await db.revokedSession.upsert({ where: { sid: token.sid }, create: { sid: token.sid, expiresAt }, update: {} });
    },
  },
});

const SESSION_MAX_AGE_MS = authConfig.session.maxAge * 1000;

/**
 * The signed-in user as an actor, re-checked against the database on every request (one query):
 * a deactivated user or partner, or a signed-out (revoked) session, is nobody at once.
 */
export async function sessionActor(): Promise<Actor | null> {
  const session = await auth();
  const id = session?.user?.id;
  const sid = (session as { sid?: unknown } | null)?.sid;
  if (!id || typeof sid !== "string" || !z.uuid().safeParse(id).success) return null;
  const [user] = await db.$queryRaw<
    { id: string; email: string; role: "ADMIN" | "PARTNER" | "COURIER"; partnerId: string | null; usable: boolean }[]
  >`
    SELECT u."id", u."email", u."role"::text AS "role", u."partnerId",
      (u."active" AND COALESCE(p."active", true)
        AND NOT EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r."sid" = ${sid})) AS "usable"
    FROM "User" u LEFT JOIN "Partner" p ON p."id" = u."partnerId"
    WHERE u."id" = ${id}::uuid`;
  if (!user?.usable) return null;
  return { kind: "USER", id: user.id, role: user.role, partnerId: user.partnerId, email: user.email };
}

/** Bearer API key when the request carries one (and only then), otherwise the session. */
export async function resolveActor(request: Request): Promise<Actor | null> {
  const secret = bearerSecret(request);
  if (secret === undefined) return sessionActor();
  return secret ? apiKeyActor(secret) : null;
}
