-- AlterTable
ALTER TABLE "BackgroundRun" ADD COLUMN     "batchKey" TEXT,
ADD COLUMN     "events" JSONB;

-- CreateTable
CREATE TABLE "BackgroundRunEvent" (
    "functionId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "runId" UUID NOT NULL,

    CONSTRAINT "BackgroundRunEvent_pkey" PRIMARY KEY ("functionId","eventId")
);

-- CreateIndex
CREATE INDEX "BackgroundRunEvent_runId_idx" ON "BackgroundRunEvent"("runId");

-- CreateIndex
CREATE INDEX "BackgroundRun_functionId_batchKey_startedAt_idx" ON "BackgroundRun"("functionId", "batchKey", "startedAt");

-- AddForeignKey
ALTER TABLE "BackgroundRunEvent" ADD CONSTRAINT "BackgroundRunEvent_runId_fkey" FOREIGN KEY ("runId") REFERENCES "BackgroundRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
