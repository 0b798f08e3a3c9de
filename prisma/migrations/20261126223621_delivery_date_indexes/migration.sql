-- CreateIndex
CREATE INDEX "Delivery_deliveryDate_id_idx" ON "Delivery"("deliveryDate", "id");

-- CreateIndex
CREATE INDEX "Delivery_partnerId_deliveryDate_id_idx" ON "Delivery"("partnerId", "deliveryDate", "id");
