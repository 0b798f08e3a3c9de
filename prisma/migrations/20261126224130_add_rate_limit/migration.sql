-- CreateTable
-- UNLOGGED (edited by hand; Prisma cannot express it and does not diff it): counters need no WAL,
-- so a hit commits without waiting for a disk flush, and losing them in a crash only resets limits.
CREATE UNLOGGED TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);
