// Proof of delivery files: the courier (or dispatch) adds a photo or a signature while
// the delivery is IN_TRANSIT; completion then checks that what the partner asks for is on file.
// Reading is scoped like the delivery itself: its partner, dispatch, its courier — anyone else 404.
import { AppError } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { deliveryNotFound, scopeWhere } from "@/lib/deliveries/get-delivery";
import { processProofImage, type ProofImageKind } from "@/lib/deliveries/proof/process-image";
import { proofStorage } from "@/lib/deliveries/proof/storage";
import { checkTransition, findTransition } from "@/lib/deliveries/state-machine";
import { lockDelivery } from "@/lib/deliveries/lock-delivery";
import type { DeliveryStatus, ProofKind } from "@/lib/generated/prisma/enums";
import { z } from "zod";

export const PROOF_FILE_KINDS = { photo: "PHOTO", signature: "SIGNATURE" } as const satisfies Record<
  string,
  ProofImageKind
>;
export type ProofFileSlug = keyof typeof PROOF_FILE_KINDS;

export const proofFileSlugSchema = z.enum(["photo", "signature"]);

/** Where an authorised caller fetches one proof image (never a public URL). */
export const proofUrl = (deliveryId: string, kind: ProofKind) =>
  `/api/v1/deliveries/${deliveryId}/proof/${kind.toLowerCase()}`;

/** Whoever may complete the delivery may add its proof, while it is in transit. */
function checkMayAddProof(actor: Actor, status: DeliveryStatus) {
  if (!findTransition("IN_TRANSIT", "COMPLETED")?.roles.includes(actor.role)) {
    throw new AppError("forbidden", "You may not add proof of delivery.");
  }
  if (!checkTransition(status, "COMPLETED", actor.role).ok) {
    throw new AppError("invalid_transition", "Proof of delivery is added while the delivery is in transit.", {
      currentStatus: status,
    });
  }
}

export async function storeProof(options: { actor: Actor; id: string; kind: ProofImageKind; bytes: Buffer }) {
  const { actor, id, kind, bytes } = options;
  authorize(actor, "deliveries.transition");
  if (!z.uuid().safeParse(id).success) throw deliveryNotFound();
  // Scope and status first (out of scope is 404 whatever was sent), then the slow decoding outside
  // the row lock, then the lock to check again and write.
  const seen = await db.delivery.findFirst({ where: { id, ...scopeWhere(actor) }, select: { status: true } });
  if (!seen) throw deliveryNotFound();
  checkMayAddProof(actor, seen.status);
  const image = await processProofImage(bytes, kind);
  const storage = proofStorage();
  return db.$transaction(async (tx) => {
    const current = await lockDelivery(tx, actor, id);
    checkMayAddProof(actor, current.status);
    const stored = await storage.put(`deliveries/${id}/${kind.toLowerCase()}`, image.bytes);
    const data = {
      contentType: image.contentType,
      byteSize: image.bytes.byteLength,
      width: image.width,
      height: image.height,
      ...stored,
      actorKind: actor.kind,
      actorId: actor.id,
      createdAt: new Date(),
    };
    const row = await tx.deliveryProof.upsert({
      where: { deliveryId_kind: { deliveryId: id, kind } },
      create: { deliveryId: id, kind, ...data },
      update: data,
      select: { kind: true, contentType: true, byteSize: true, width: true, height: true, createdAt: true },
    });
    return { ...row, url: proofUrl(id, kind) };
  });
}

/** What is on file for a delivery in the caller's scope (no bytes). */
export async function listProofs({ actor, id }: { actor: Actor; id: string }) {
  authorize(actor, "deliveries.read");
  if (!z.uuid().safeParse(id).success) throw deliveryNotFound();
  const delivery = await db.delivery.findFirst({
    where: { id, ...scopeWhere(actor) },
    select: {
      proofs: {
        orderBy: { kind: "asc" },
        select: { kind: true, contentType: true, byteSize: true, width: true, height: true, createdAt: true },
      },
    },
  });
  if (!delivery) throw deliveryNotFound();
  return delivery.proofs.map((p) => ({
    ...p,
    createdAt: p.createdAt.toISOString(),
    url: p.kind === "CODE" ? null : proofUrl(id, p.kind),
  }));
}

/** One proof image for a caller who may see the delivery; 404 otherwise and when there is none. */
export async function getProofImage({ actor, id, kind }: { actor: Actor; id: string; kind: ProofImageKind }) {
  authorize(actor, "deliveries.read");
  if (!z.uuid().safeParse(id).success) throw deliveryNotFound();
  const proof = await db.deliveryProof.findFirst({
    where: { deliveryId: id, kind, delivery: scopeWhere(actor) },
    select: { contentType: true, storage: true, storageKey: true, data: true },
  });
  const bytes = proof ? await proofStorage().get(proof) : null;
  if (!proof || !bytes) throw new AppError("not_found", "No such proof of delivery.");
  return { bytes, contentType: proof.contentType ?? "application/octet-stream" };
}
