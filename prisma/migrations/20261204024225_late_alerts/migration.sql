-- Late deliveries are alerted too, as their own kind. Existing rows are unique by the old key,
-- so they are by the new one (every one of them a STUCK alert).
-- DropIndex
DROP INDEX "StuckAlert_deliveryId_status_thresholdMinutes_key";

-- AlterTable
ALTER TABLE "StuckAlert" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'STUCK';

-- CreateIndex
CREATE UNIQUE INDEX "StuckAlert_deliveryId_kind_status_thresholdMinutes_key" ON "StuckAlert"("deliveryId", "kind", "status", "thresholdMinutes");
