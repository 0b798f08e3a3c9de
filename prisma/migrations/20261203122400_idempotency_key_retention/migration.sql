-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "idempotencyKeyExpiresAt" TIMESTAMP(3),
ALTER COLUMN "idempotencyKey" DROP NOT NULL;
