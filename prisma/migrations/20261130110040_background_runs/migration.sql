-- CreateEnum
CREATE TYPE "BackgroundRunStatus" AS ENUM ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED');

-- CreateTable
CREATE TABLE "BackgroundRun" (
    "id" UUID NOT NULL,
    "functionId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "event" JSONB NOT NULL,
    "status" "BackgroundRunStatus" NOT NULL DEFAULT 'QUEUED',
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL,
    "steps" JSONB NOT NULL DEFAULT '{}',
    "stack" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "output" JSONB,
    "error" TEXT,
    "nextRunAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "leaseToken" UUID,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "durationMs" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BackgroundRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BackgroundRun_status_nextRunAt_idx" ON "BackgroundRun"("status", "nextRunAt");

-- CreateIndex
CREATE INDEX "BackgroundRun_createdAt_id_idx" ON "BackgroundRun"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "BackgroundRun_functionId_eventId_key" ON "BackgroundRun"("functionId", "eventId");
