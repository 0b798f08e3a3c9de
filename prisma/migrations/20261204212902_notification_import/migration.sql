-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "importId" UUID;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_importId_fkey" FOREIGN KEY ("importId") REFERENCES "DeliveryImport"("id") ON DELETE SET NULL ON UPDATE CASCADE;
