-- DropForeignKey
ALTER TABLE "ApiKey" DROP CONSTRAINT "ApiKey_partnerId_fkey";

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "role" "Role" NOT NULL DEFAULT 'PARTNER',
ADD COLUMN     "userId" UUID,
ALTER COLUMN "partnerId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "ApiKey_role_createdAt_idx" ON "ApiKey"("role", "createdAt");

-- CreateIndex
CREATE INDEX "ApiKey_userId_idx" ON "ApiKey"("userId");

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Which owner each role has: a partner's key names its partner, a courier's key its courier, an
-- admin key neither (it acts for the platform). Existing keys are PARTNER keys with a partner.
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_role_owner_check" CHECK (
  ("role" = 'PARTNER' AND "partnerId" IS NOT NULL AND "userId" IS NULL)
  OR ("role" = 'ADMIN' AND "partnerId" IS NULL AND "userId" IS NULL)
  OR ("role" = 'COURIER' AND "partnerId" IS NULL AND "userId" IS NOT NULL)
);
