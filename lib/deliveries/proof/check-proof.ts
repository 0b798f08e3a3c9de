// Proof at completion, as the partner asks for it: nothing, the recipient's 6-digit code (limited
// attempts, constant-time compare), or an uploaded photo / signature. Admins may complete without
// proof: an override the history records as theirs.
import { randomInt, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import type { LockedDelivery } from "@/lib/deliveries/lock-delivery";

/** Wrong codes allowed before the code locks (then dispatch completes it, or it fails). */
export const MAX_CODE_ATTEMPTS = 5;

export type ProofRefusal = { ok: false; error: AppError };
export type ProofOutcome = { ok: true } | ProofRefusal;

/** A fresh code when a delivery leaves for a partner that asks for codes (sent with "out for delivery"). */
export async function issueDeliveryCode(tx: Tx, delivery: { id: string; partnerId: string }) {
  const partner = await tx.partner.findUniqueOrThrow({
    where: { id: delivery.partnerId },
    select: { proofOfDelivery: true },
  });
  if (partner.proofOfDelivery !== "CODE") return;
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await tx.delivery.update({ where: { id: delivery.id }, data: { proofCode: code, proofCodeAttempts: 0 } });
}

function sameCode(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  // Equal lengths first (timingSafeEqual throws otherwise); the length of a 6-digit code is no secret.
  return a.length === b.length && timingSafeEqual(a, b);
}

const missing = (path: string, message: string): ProofOutcome => ({
  ok: false,
  error: new AppError("validation_failed", message, { errors: [{ path, message: "Required" }] }),
});

export async function checkProof(
  tx: Tx,
  options: { actor: Actor; delivery: LockedDelivery; code?: string },
): Promise<ProofOutcome> {
  const { actor, delivery, code } = options;
  if (can(actor, "deliveries.completeWithoutProof")) return { ok: true };
  const row = await tx.delivery.findUniqueOrThrow({
    where: { id: delivery.id },
    select: { proofCode: true, proofCodeAttempts: true, partner: { select: { proofOfDelivery: true } } },
  });
  const required = row.partner.proofOfDelivery;
  if (required === "NONE") return { ok: true };
  if (required === "PHOTO" || required === "SIGNATURE") {
    const proof = await tx.deliveryProof.findUnique({
      where: { deliveryId_kind: { deliveryId: delivery.id, kind: required } },
      select: { id: true },
    });
    return proof ? { ok: true } : missing(required.toLowerCase(), `This partner asks for a ${required.toLowerCase()}.`);
  }
  if (!row.proofCode) {
    // The partner asked for codes only after this delivery left: the recipient never got one.
    return {
      ok: false,
      error: new AppError("conflict", "No delivery code was sent for this delivery; ask dispatch to complete it.", {
        codeLocked: true,
      }),
    };
  }
  if (row.proofCodeAttempts >= MAX_CODE_ATTEMPTS) {
    return {
      ok: false,
      error: new AppError(
        "conflict",
        "The delivery code is locked after too many wrong attempts; ask dispatch to complete it.",
        { codeLocked: true },
      ),
    };
  }
  if (!code) return missing("code", "Enter the 6-digit code the recipient received.");
  if (!sameCode(row.proofCode, code)) {
    const attempts = row.proofCodeAttempts + 1;
    await tx.delivery.update({ where: { id: delivery.id }, data: { proofCodeAttempts: attempts } });
    const left = MAX_CODE_ATTEMPTS - attempts;
    const message = `Wrong code: ${left} attempt${left === 1 ? "" : "s"} left.`;
    return {
      ok: false,
      error: new AppError("validation_failed", message, {
        errors: [{ path: "code", message }],
        attemptsLeft: left,
      }),
    };
  }
  await tx.deliveryProof.create({
    data: { deliveryId: delivery.id, kind: "CODE", actorKind: actor.kind, actorId: actor.id },
  });
  return { ok: true };
}
