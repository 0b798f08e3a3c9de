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

export type ApiKeyRole = "PARTNER" | "ADMIN" | "COURIER";

/** Who a new key acts as: a partner, the platform (admin), or one courier. */
export type ApiKeyOwner =
  { role: "PARTNER"; partnerId: string } | { role: "ADMIN" } | { role: "COURIER"; userId: string };

export async function createApiKey(
  options: ({ partnerId: string } | { owner: ApiKeyOwner }) & { name?: string; createdById?: string | null },
) {
  const owner: ApiKeyOwner = "owner" in options ? options.owner : { role: "PARTNER", partnerId: options.partnerId };
  const secret = PREFIX + randomBytes(32).toString("base64url");
  const key = await db.apiKey.create({
    data: {
      role: owner.role,
      partnerId: owner.role === "PARTNER" ? owner.partnerId : null,
      userId: owner.role === "COURIER" ? owner.userId : null,
      name: options.name?.trim() || "API key",
      prefix: secret.slice(0, PREFIX.length + 6),
      secretHash: hashSecret(secret),
      createdById: options.createdById ?? null,
    },
    select: { id: true, name: true, prefix: true, role: true, partnerId: true, userId: true, createdAt: true },
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

/** An admin or courier key, made on the admin page or with `npm run admin -- create-api-key --role …`. */
export const createStaffApiKeySchema = z
  .strictObject({
    role: z.enum(["ADMIN", "COURIER"], "Choose admin or courier"),
    name: createApiKeySchema.shape.name,
    courierEmail: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toLowerCase() || undefined : v),
      z.email("Enter the courier's email address").optional(),
    ),
  })
  .superRefine((input, ctx) => {
    if (input.role === "COURIER" && !input.courierEmail) {
      ctx.addIssue({ code: "custom", path: ["courierEmail"], message: "A courier key needs the courier's email" });
    }
    if (input.role === "ADMIN" && input.courierEmail) {
      ctx.addIssue({ code: "custom", path: ["courierEmail"], message: "Only courier keys name a courier" });
    }
  });

/** Issues an admin key (acts for the platform) or a courier key (acts as that active courier). */
export async function issueStaffApiKey({
  actor,
  input,
}: {
  actor: Actor;
  input: z.infer<typeof createStaffApiKeySchema>;
}) {
  authorize(actor, "apiKeys.manageStaff");
  let owner: ApiKeyOwner = { role: "ADMIN" };
  if (input.role === "COURIER") {
    const courier = await db.user.findUnique({
      where: { email: input.courierEmail ?? "" },
      select: { id: true, role: true, active: true },
    });
    if (!courier || courier.role !== "COURIER" || !courier.active) {
      throw new AppError("validation_failed", "The key is not valid.", {
        errors: [{ path: "courierEmail", message: "No active courier with this email" }],
      });
    }
    owner = { role: "COURIER", userId: courier.id };
  }
  return createApiKey({ owner, name: input.name, createdById: userIdOf(actor) });
}

/** Admin and courier keys, newest first, with the courier each acts as; revoked ones stay listed. */
export async function listStaffApiKeys({ actor }: { actor: Actor }) {
  authorize(actor, "apiKeys.manageStaff");
  return db.apiKey.findMany({
    where: { role: { in: ["ADMIN", "COURIER"] } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      role: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { email: true, name: true } },
    },
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
