-- DropIndex
DROP INDEX "WebhookEndpoint_partnerId_key";

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "messageId" UUID,
ADD COLUMN     "responseBody" TEXT;

-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "description" TEXT,
ADD COLUMN     "events" TEXT[],
ADD COLUMN     "previousSecret" TEXT,
ADD COLUMN     "previousSecretExpiresAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "WebhookMessage" (
    "id" UUID NOT NULL,
    "endpointId" UUID NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "deliveryId" UUID,
    "trackingCode" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebhookMessage_endpointId_createdAt_id_idx" ON "WebhookMessage"("endpointId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "WebhookMessage_endpointId_eventId_key" ON "WebhookMessage"("endpointId", "eventId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_messageId_createdAt_idx" ON "WebhookDelivery"("messageId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_partnerId_createdAt_id_idx" ON "WebhookEndpoint"("partnerId", "createdAt", "id");

-- AddForeignKey
ALTER TABLE "WebhookMessage" ADD CONSTRAINT "WebhookMessage_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "WebhookMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Back-fill: an endpoint from before subscriptions receives every event type it received then.
UPDATE "WebhookEndpoint"
SET "events" = ARRAY['delivery.created', 'delivery.status_changed', 'delivery.assigned']
WHERE "events" IS NULL;

-- Secrets were `whsec_` + unpadded base64url of 32 random bytes, used as a text key. Standard
-- Webhooks keys are the bytes a `whsec_<base64>` secret decodes to: keep the same 32 bytes and
-- spell them in standard, padded base64 (the old string with - → +, _ → / and a trailing =).
UPDATE "WebhookEndpoint"
SET "secret" = 'whsec_' || rpad(
    translate(substr("secret", 7), '-_', '+/'),
    ((length("secret") - 6 + 3) / 4) * 4,
    '=')
WHERE "secret" LIKE 'whsec\_%' AND substr("secret", 7) !~ '[+/=]';
