// Idempotent creation (DESIGN §5). The unique index on idempotencyKey decides, not a read: one
// statement inserts the delivery, its first status event and its outbox row, or nothing when the
// key already exists; then the winner is read. N concurrent identical requests → one row. A key
// past its retention (lib/deliveries/idempotency.ts) is released and claimed again.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, uniqueViolation } from "@/lib/core/errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { derivedIdempotencyKey, explicitIdempotencyKey, requestFingerprint } from "@/lib/deliveries/canonical";
import { keyExpiry } from "@/lib/deliveries/idempotency";
import { DELIVERY_DATE_RULE, isBookableDate, type CreateDeliveryInput } from "@/lib/deliveries/schemas";
import { dayInZone, windowPairIssues } from "@/lib/deliveries/windows";
import type { FieldError } from "@/lib/core/errors";
import { deliverySelect, type DeliveryRow } from "@/lib/deliveries/serialize";
import { newTrackingCode } from "@/lib/deliveries/tracking-code";
import { outboxRow } from "@/lib/outbox/events";
import { currentTraceparent } from "@/lib/observability/trace";
import { kickOutbox } from "@/lib/background/scheduler";

export interface CreateDeliveryResult {
  delivery: DeliveryRow;
  /** false when an earlier request with the same key already created it */
  created: boolean;
}

type InsertedRow = Omit<DeliveryRow, "partner"> & { partnerId: string; partnerName: string };

/**
 * The whole creation as one statement (delivery, first status event, outbox row). Exported so the
 * benchmark can measure the database's ceiling with exactly this SQL. The id and the time are
 * chosen here, so the outbox payload is built (and validated) by the event contract in
 * lib/outbox/events.ts, like every other event, and travels as one jsonb parameter; when the key
 * already exists nothing is inserted, and the payload is simply unused.
 */
export function createDeliveryStatement(args: {
  input: CreateDeliveryInput;
  /** The day it is for when the input has a drop-off window instead (deliveryDateOf). */
  deliveryDate?: string;
  actor: Actor;
  partnerId: string;
  idempotencyKey: string;
  fingerprint: string;
  trackingCode: string;
  importId?: string;
  /** When the key stops deduplicating; absent or null: never. */
  keyExpiresAt?: Date | null;
  now?: Date;
}) {
  const { input, actor, partnerId, idempotencyKey, fingerprint, trackingCode, importId } = args;
  const id = randomUUID();
  const now = args.now ?? new Date();
  const event = outboxRow({
    name: "delivery/created",
    data: { deliveryId: id, partnerId, trackingCode, status: "CREATED", occurredAt: now.toISOString(), importId },
  });
  const weight = input.packageWeightKg === undefined ? null : input.packageWeightKg.toFixed(3);
  return Prisma.sql`
    WITH inserted AS (
      INSERT INTO "Delivery" (
        "id", "trackingCode", "partnerId", "createdByKind", "createdById", "status",
        "pickupAddress", "dropoffAddress", "recipientName", "recipientPhone", "recipientEmail",
        "productName", "packageWeightKg", "deliveryDate", "notes", "externalReference",
        "pickupWindowStart", "pickupWindowEnd", "dropoffWindowStart", "dropoffWindowEnd",
        "idempotencyKey", "idempotencyKeyExpiresAt", "requestFingerprint", "version", "createdAt", "updatedAt")
      VALUES (
        ${id}::uuid, ${trackingCode}, ${partnerId}::uuid, ${actor.kind}::"ActorKind", ${actor.id}::uuid, 'CREATED',
        ${input.pickupAddress}, ${input.dropoffAddress}, ${input.recipientName}, ${input.recipientPhone ?? null},
        ${input.recipientEmail ?? null}, ${input.productName ?? null}, ${weight}::numeric, ${args.deliveryDate ?? input.deliveryDate}::date,
        ${input.notes ?? null}, ${input.externalReference ?? null},
        ${instant(input.pickupWindow?.from)}, ${instant(input.pickupWindow?.to)},
        ${instant(input.dropoffWindow?.from)}, ${instant(input.dropoffWindow?.to)},
        ${idempotencyKey}, ${args.keyExpiresAt ?? null}, ${fingerprint}, 1, ${now}, ${now})
      ON CONFLICT ("idempotencyKey") DO NOTHING
      RETURNING *
    ), event AS (
      INSERT INTO "DeliveryStatusEvent" ("id", "deliveryId", "version", "fromStatus", "toStatus", "actorKind", "actorId", "createdAt")
      SELECT gen_random_uuid(), i."id", 1, NULL, 'CREATED', i."createdByKind", i."createdById", i."createdAt" FROM inserted i
    ), outbox AS (
      INSERT INTO "OutboxEvent" ("id", "name", "payload", "createdAt", "traceparent")
      SELECT gen_random_uuid(), ${event.name}, ${JSON.stringify(event.payload)}::jsonb, i."createdAt", ${currentTraceparent()}::text
      FROM inserted i
    )
    SELECT i."id", i."trackingCode", i."status"::text AS "status", i."pickupAddress", i."dropoffAddress",
      i."recipientName", i."recipientPhone", i."recipientEmail", i."productName", i."packageWeightKg",
      to_char(i."deliveryDate", 'YYYY-MM-DD') AS "deliveryDate", i."notes", i."externalReference", i."version",
      i."pickupWindowStart", i."pickupWindowEnd", i."dropoffWindowStart", i."dropoffWindowEnd", i."eta", i."attempt", i."dueAt",
      i."createdAt", i."updatedAt", i."partnerId", p."name" AS "partnerName"
    FROM inserted i JOIN "Partner" p ON p."id" = i."partnerId"`;
}

/** A window end as a timestamp parameter (the columns are UTC `timestamp(3)`), or NULL. */
const instant = (iso: string | undefined) => (iso === undefined ? null : new Date(iso));

const invalidBody = (errors: FieldError[]) =>
  new AppError("validation_failed", "The request body is not valid.", { errors });

/**
 * The day a delivery is for: the drop-off window's start in the partner's time zone when it has a
 * window (a delivery date that says otherwise is a contradiction naming both), else the input's.
 */
async function deliveryDateOf(partnerId: string, input: CreateDeliveryInput): Promise<string> {
  if (!input.dropoffWindow) return input.deliveryDate!; // the schema requires one or the other
  const partner = await db.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { timeZone: true } });
  const day = dayInZone(input.dropoffWindow.from, partner.timeZone);
  if (input.deliveryDate !== undefined && input.deliveryDate !== day) {
    const message = `Disagree: the drop-off window starts on ${day} in ${partner.timeZone}`;
    throw invalidBody([
      { path: "deliveryDate", message },
      { path: "dropoffWindow", message },
    ]);
  }
  return day;
}

/** What has passed by now: a window that has ended, or (without a window) a day before today. */
function pastIssues(input: CreateDeliveryInput, deliveryDate: string, now: Date): FieldError[] {
  if (input.pickupWindow || input.dropoffWindow) {
    return windowPairIssues(input, now.getTime()).map((i) => ({ path: i.path.join("."), message: i.message }));
  }
  return isBookableDate(deliveryDate) ? [] : [{ path: "deliveryDate", message: DELIVERY_DATE_RULE }];
}

const EXPIRED = Symbol("expired");

/**
 * The delivery an earlier request with this key created, as a replay; null when there is none;
 * EXPIRED when its key is past retention (then the key is free for this request).
 */
async function replayOf(
  idempotencyKey: string,
  fingerprint: string,
  now: Date,
): Promise<CreateDeliveryResult | null | typeof EXPIRED> {
  const existing = await db.delivery.findUnique({
    where: { idempotencyKey },
    select: { ...deliverySelect, requestFingerprint: true, idempotencyKeyExpiresAt: true },
  });
  if (!existing) return null;
  const { requestFingerprint, idempotencyKeyExpiresAt, ...delivery } = existing;
  if (idempotencyKeyExpiresAt && idempotencyKeyExpiresAt <= now) return EXPIRED;
  if (requestFingerprint !== fingerprint) {
    throw new AppError(
      "idempotency_key_reused",
      "This Idempotency-Key was already used with a different request body.",
      {
        deliveryId: existing.id,
      },
    );
  }
  return { delivery, created: false };
}

/**
 * Frees an expired key: the old delivery keeps its data and loses only the key. Concurrent
 * requests all try; the first update wins and the others match nothing, then race to insert.
 */
async function releaseExpiredKey(idempotencyKey: string, now: Date) {
  await db.delivery.updateMany({
    where: { idempotencyKey, idempotencyKeyExpiresAt: { lte: now } },
    data: { idempotencyKey: null },
  });
}

const partnerIdError = (message: string) => invalidBody([{ path: "partnerId", message }]);

/**
 * Whose delivery this is: staff (admins, admin keys, an admin's import) name the partner, which
 * must exist and be active; a partner and its keys create for themselves and may name none.
 */
async function creatingPartner(actor: Actor, onBehalfOf: string | undefined): Promise<string> {
  authorize(actor, "deliveries.create");
  if (can(actor, "deliveries.createOnBehalf")) {
    if (!onBehalfOf) throw partnerIdError("Required: the partner this delivery is for");
    const partner = await db.partner.findUnique({ where: { id: onBehalfOf }, select: { active: true } });
    if (!partner) throw partnerIdError("No partner with this id");
    if (!partner.active) throw partnerIdError("This partner is deactivated");
    return onBehalfOf;
  }
  if (onBehalfOf !== undefined) throw partnerIdError("Leave this out: a partner creates deliveries for itself");
  if (!actor.partnerId) throw new AppError("forbidden", "Only a partner can create deliveries.");
  return actor.partnerId;
}

export async function createDelivery(options: {
  actor: Actor;
  input: CreateDeliveryInput;
  /** Raw `Idempotency-Key` header value, already validated. */
  idempotencyKey?: string;
  /** The CSV import creating this row, if any (lib/imports). */
  importId?: string;
  /** The partner staff create this delivery for: required for them, refused for partners. */
  onBehalfOf?: string;
}): Promise<CreateDeliveryResult> {
  const { actor, input } = options;
  const partnerId = await creatingPartner(actor, options.onBehalfOf);
  const fingerprint = requestFingerprint(input);
  const idempotencyKey = options.idempotencyKey
    ? explicitIdempotencyKey(partnerId, options.idempotencyKey)
    : derivedIdempotencyKey(partnerId, input);
  // An import's rows keep their keys for good: uploading the same file again must never duplicate.
  const keyKind = options.importId ? "permanent" : options.idempotencyKey ? "explicit" : "derived";
  const now = new Date();

  const deliveryDate = await deliveryDateOf(partnerId, input);

  // Replays are decided before the rules about the past: a retry sent after midnight UTC (or
  // after its window ended) must get the delivery its first attempt created. Only a request in
  // the past costs this extra lookup; the usual create stays one statement.
  const past = pastIssues(input, deliveryDate, now);
  if (past.length > 0) {
    const replay = await replayOf(idempotencyKey, fingerprint, now);
    if (replay && replay !== EXPIRED) return replay;
    throw invalidBody(past);
  }

  for (let attempt = 0; attempt < 4; attempt++) {
    let rows: InsertedRow[];
    try {
      rows = await db.$queryRaw<InsertedRow[]>(
        createDeliveryStatement({
          input,
          deliveryDate,
          actor,
          partnerId,
          idempotencyKey,
          fingerprint,
          trackingCode: newTrackingCode(),
          importId: options.importId,
          keyExpiresAt: keyExpiry(now, keyKind),
          now,
        }),
      );
    } catch (error) {
      // A tracking-code collision: draw another code. Key conflicts never raise (ON CONFLICT).
      if (uniqueViolation(error)?.constraint === "Delivery_trackingCode_key") continue;
      throw error;
    }
    if (rows.length === 1) {
      kickOutbox(); // committed: hand the outbox row on without waiting for it
      const { partnerId: id, partnerName: name, ...row } = rows[0];
      return { delivery: { ...row, partner: { id, name } }, created: true };
    }
    const replay = await replayOf(idempotencyKey, fingerprint, now);
    if (replay === EXPIRED) await releaseExpiredKey(idempotencyKey, now);
    else if (replay) return replay;
    // the key was expired (now freed) or the winner rolled back; try to become the winner
  }
  throw new AppError("conflict", "Could not create the delivery; please retry.");
}
