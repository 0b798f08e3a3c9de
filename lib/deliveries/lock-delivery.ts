// The first step of every change to a delivery: lock its row in the caller's scope, so concurrent
// changes serialize and each is judged against the state its predecessor left.
import { AppError } from "@/lib/core/errors";
import { deliveryScope, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { deliveryNotFound } from "@/lib/deliveries/get-delivery";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { z } from "zod";

export interface LockedDelivery {
  id: string;
  status: DeliveryStatus;
  version: number;
  partnerId: string;
  assigneeId: string | null;
}

/** Locks the delivery in the caller's scope (404 outside it) and checks the version it expects. */
export async function lockDelivery(tx: Tx, actor: Actor, id: string, expectedVersion?: number) {
  if (!z.uuid().safeParse(id).success) throw deliveryNotFound();
  const { partnerId, assigneeId } = deliveryScope(actor);
  const [current] = await tx.$queryRaw<LockedDelivery[]>`
    SELECT "id", "status"::text AS "status", "version", "partnerId", "assigneeId" FROM "Delivery"
    WHERE "id" = ${id}::uuid
      AND (${partnerId}::uuid IS NULL OR "partnerId" = ${partnerId}::uuid)
      AND (${assigneeId}::uuid IS NULL OR "assigneeId" = ${assigneeId}::uuid)
    FOR UPDATE`;
  if (!current) throw deliveryNotFound();
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw new AppError("precondition_failed", `The delivery changed: its version is ${current.version}.`, {
      currentVersion: current.version,
      currentStatus: current.status,
    });
  }
  return current;
}
