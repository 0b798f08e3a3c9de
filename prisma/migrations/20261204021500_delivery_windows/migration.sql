-- Delivery windows, ETA, re-attempts and the partner's time zone.

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "attempt" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "completedAt" TIMESTAMP(3),
ADD COLUMN "dropoffWindowEnd" TIMESTAMP(3),
ADD COLUMN "dropoffWindowStart" TIMESTAMP(3),
ADD COLUMN "eta" TIMESTAMP(3),
ADD COLUMN "etaAnnounced" TIMESTAMP(3),
ADD COLUMN "pickupWindowEnd" TIMESTAMP(3),
ADD COLUMN "pickupWindowStart" TIMESTAMP(3);

-- When a delivery is due: its window's end, else the end of its delivery day (UTC). Computed on
-- every write, so no writer can forget it; the lists sort by it.
ALTER TABLE "Delivery" ADD COLUMN "dueAt" TIMESTAMP(3) NOT NULL
  GENERATED ALWAYS AS (COALESCE("dropoffWindowEnd", ("deliveryDate" + 1)::timestamp(3))) STORED;

-- AlterTable
ALTER TABLE "DeliveryStatusEvent" ADD COLUMN "details" JSONB,
ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'STATUS';

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- CreateIndex
CREATE INDEX "Delivery_dueAt_id_idx" ON "Delivery"("dueAt", "id");

-- CreateIndex
CREATE INDEX "Delivery_partnerId_dueAt_id_idx" ON "Delivery"("partnerId", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Delivery_assigneeId_dueAt_id_idx" ON "Delivery"("assigneeId", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Delivery_status_dropoffWindowEnd_idx" ON "Delivery"("status", "dropoffWindowEnd");

-- CreateIndex
CREATE INDEX "Delivery_completedAt_partnerId_idx" ON "Delivery"("completedAt", "partnerId");

-- CreateIndex
CREATE INDEX "Delivery_assigneeId_completedAt_idx" ON "Delivery"("assigneeId", "completedAt");

-- A window has both ends or neither, and ends after it starts.
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_pickupWindow_check" CHECK (
  ("pickupWindowStart" IS NULL) = ("pickupWindowEnd" IS NULL)
  AND ("pickupWindowStart" IS NULL OR "pickupWindowEnd" > "pickupWindowStart"));
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_dropoffWindow_check" CHECK (
  ("dropoffWindowStart" IS NULL) = ("dropoffWindowEnd" IS NULL)
  AND ("dropoffWindowStart" IS NULL OR "dropoffWindowEnd" > "dropoffWindowStart"));
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_attempt_check" CHECK ("attempt" >= 1);

-- Back-fill: when the deliveries already completed got there, from their history.
UPDATE "Delivery" d SET "completedAt" = e."createdAt"
FROM "DeliveryStatusEvent" e
WHERE d."status" = 'COMPLETED' AND e."deliveryId" = d."id" AND e."toStatus" = 'COMPLETED';
