-- The relay hands on live rows before an import's: which rows are an import's is computed from the
-- payload by PostgreSQL, so every writer (the single-statement create included) gets it right.
-- Adding a stored generated column rewrites the table once; sent rows are pruned by retention.

-- AlterTable
ALTER TABLE "OutboxEvent" ADD COLUMN "bulk" BOOLEAN NOT NULL GENERATED ALWAYS AS ("payload" ? 'importId') STORED;

-- CreateIndex
CREATE INDEX "OutboxEvent_sentAt_bulk_createdAt_id_idx" ON "OutboxEvent"("sentAt", "bulk", "createdAt", "id");
