// API keys: the secret is shown once; only its SHA-256 is stored, so a leaked table reveals none.
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/core/errors";
import { partnerScope, userIdOf, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { z } from "zod";

const PREFIX = "dap_live_";
/** What a secret looks like (the prefix and 32 random bytes in base64url): anything else is no key. */
export const SECRET_PATTERN = /^dap_live_[A-Za-z0-9_-]{43}$/;

/** What people type when creating a key; the secret itself is generated. */
export const createApiKeySchema = z.strictObject({
  partnerId: z.uuid(),
  name: z
    .string()
    .trim()
    .min(1, "Give the key a name, e.g. the system that uses it")
    .max(100, "At most 100 characters"),
});

export const revokeApiKeySchema = z.strictObject({ id: z.uuid() });

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

export async function createApiKey(options: { partnerId: string; name?: string; createdById?: string | null }) {
  const secret = PREFIX + randomBytes(32).toString("base64url");
  const key = await db.apiKey.create({
    data: {
      partnerId: options.partnerId,
      name: options.name?.trim() || "API key",
      prefix: secret.slice(0, PREFIX.length + 6),
      secretHash: hashSecret(secret),
      createdById: options.createdById ?? null,
    },
    select: { id: true, name: true, prefix: true, partnerId: true, createdAt: true },
  });
  return { ...key, secret };
}

/**
 * A key created by a person (or the operator CLI): partners always for their own organisation
 * (whatever the form said), admins for the partner they chose, which must exist.
 */
export async function issueApiKey({ actor, input }: { actor: Actor; input: z.infer<typeof createApiKeySchema> }) {
  authorize(actor, "apiKeys.manage");
  const partnerId = partnerScope(actor) ?? input.partnerId;
  const partner = await db.partner.findUnique({ where: { id: partnerId }, select: { id: true } });
  if (!partner) throw new AppError("not_found", "No partner with this id.");
  return createApiKey({ partnerId, name: input.name, createdById: userIdOf(actor) });
}

/** Revokes a key in the caller's scope; another partner's key answers not found. Idempotent. */
export async function revokeApiKey({ actor, input }: { actor: Actor; input: z.infer<typeof revokeApiKeySchema> }) {
  authorize(actor, "apiKeys.manage");
  const scope = partnerScope(actor);
  const where = { id: input.id, ...(scope ? { partnerId: scope } : {}) };
  if (!z.uuid().safeParse(input.id).success) throw new AppError("not_found", "No API key with this id.");
  const { count } = await db.apiKey.updateMany({
    where: { ...where, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0 && !(await db.apiKey.findFirst({ where, select: { id: true } }))) {
    throw new AppError("not_found", "No API key with this id.");
  }
  return db.apiKey.findUniqueOrThrow({
    where: { id: input.id },
    select: { id: true, prefix: true, revokedAt: true },
  });
}

/** A partner's keys, newest first; revoked ones stay listed so people can see what happened. */
export async function listApiKeys({ actor, input }: { actor: Actor; input: { partnerId: string } }) {
  authorize(actor, "apiKeys.manage");
  const scope = partnerScope(actor);
  if (scope && scope !== input.partnerId) throw new AppError("not_found", "No partner with this id.");
  return db.apiKey.findMany({
    where: { partnerId: input.partnerId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
