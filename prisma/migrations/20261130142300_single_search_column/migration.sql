-- One search column with one trigram index instead of five trigram indexes (issue 11): every
-- insert updated five GIN indexes; now one. `q` matches a substring of any of these fields; the
-- fields are joined by line breaks, which the trimmed one-line search box does not send.

-- DropIndex
DROP INDEX "Delivery_dropoffAddress_idx";
DROP INDEX "Delivery_externalReference_idx";
DROP INDEX "Delivery_pickupAddress_idx";
DROP INDEX "Delivery_recipientName_idx";
DROP INDEX "Delivery_trackingCode_idx";

-- AlterTable: computed by PostgreSQL on every insert and update (rewrites the table once).
ALTER TABLE "Delivery" ADD COLUMN "searchText" TEXT NOT NULL GENERATED ALWAYS AS (
  "trackingCode" || E'\n' || coalesce("externalReference", '') || E'\n' || "recipientName" || E'\n' ||
  "pickupAddress" || E'\n' || "dropoffAddress"
) STORED;

-- CreateIndex
CREATE INDEX "Delivery_searchText_idx" ON "Delivery" USING GIN ("searchText" gin_trgm_ops);
