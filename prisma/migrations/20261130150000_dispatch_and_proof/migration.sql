-- CreateEnum
CREATE TYPE "ProofRequirement" AS ENUM ('NONE', 'CODE', 'PHOTO', 'SIGNATURE');

-- CreateEnum
CREATE TYPE "ProofKind" AS ENUM ('CODE', 'PHOTO', 'SIGNATURE');

-- AlterEnum
ALTER TYPE "DeliveryStatus" ADD VALUE 'ASSIGNED' BEFORE 'IN_TRANSIT';

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'COURIER';

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "assigneeId" UUID,
ADD COLUMN     "proofCode" TEXT,
ADD COLUMN     "proofCodeAttempts" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "DeliveryStatusEvent" ADD COLUMN     "assigneeId" UUID;

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "proofOfDelivery" "ProofRequirement" NOT NULL DEFAULT 'NONE';

-- CreateTable
CREATE TABLE "DeliveryProof" (
    "id" UUID NOT NULL,
    "deliveryId" UUID NOT NULL,
    "kind" "ProofKind" NOT NULL,
    "contentType" TEXT,
    "byteSize" INTEGER,
    "width" INTEGER,
    "height" INTEGER,
    "storage" TEXT NOT NULL DEFAULT 'postgres',
    "storageKey" TEXT,
    "data" BYTEA,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeliveryProof_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryProof_deliveryId_kind_key" ON "DeliveryProof"("deliveryId", "kind");

-- CreateIndex
CREATE INDEX "Delivery_assigneeId_deliveryDate_id_idx" ON "Delivery"("assigneeId", "deliveryDate", "id");

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryProof" ADD CONSTRAINT "DeliveryProof_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;
