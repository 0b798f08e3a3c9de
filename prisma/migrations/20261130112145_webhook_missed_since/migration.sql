-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "missedSince" TIMESTAMP(3);
