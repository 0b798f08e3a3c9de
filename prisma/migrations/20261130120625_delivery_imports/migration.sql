-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('VALIDATED', 'QUEUED', 'RUNNING', 'COMPLETED');

-- CreateTable
CREATE TABLE "DeliveryImport" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "createdByKind" "ActorKind" NOT NULL,
    "createdById" UUID NOT NULL,
    "fileName" TEXT,
    "status" "ImportStatus" NOT NULL DEFAULT 'VALIDATED',
    "totalRows" INTEGER NOT NULL,
    "rows" JSONB NOT NULL,
    "errors" JSONB NOT NULL,
    "batches" JSONB NOT NULL DEFAULT '{}',
    "confirmedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliveryImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeliveryImport_partnerId_createdAt_idx" ON "DeliveryImport"("partnerId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "DeliveryImport" ADD CONSTRAINT "DeliveryImport_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
