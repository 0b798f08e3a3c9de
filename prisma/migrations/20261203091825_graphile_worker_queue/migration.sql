/*
  Warnings:

  - You are about to drop the column `leaseToken` on the `BackgroundRun` table. All the data in the column will be lost.
  - You are about to drop the column `leaseUntil` on the `BackgroundRun` table. All the data in the column will be lost.
  - You are about to drop the column `nextRunAt` on the `BackgroundRun` table. All the data in the column will be lost.

*/
-- DropIndex
DROP INDEX "BackgroundRun_status_nextRunAt_idx";

-- AlterTable
ALTER TABLE "BackgroundRun" DROP COLUMN "leaseToken",
DROP COLUMN "leaseUntil",
DROP COLUMN "nextRunAt";

-- CreateTable
CREATE TABLE "BackgroundWorkerPool" (
    "id" TEXT NOT NULL,
    "workerIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BackgroundWorkerPool_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BackgroundRun_status_idx" ON "BackgroundRun"("status");
