-- Partner names are unique whatever their case (issue 15), so pickers never show two alike.
-- Existing duplicates keep the oldest name; later ones get their slug appended, which keeps them
-- apart and lets the index be built.
UPDATE "Partner" AS p
SET "name" = p."name" || ' (' || p."slug" || ')'
WHERE EXISTS (
  SELECT 1 FROM "Partner" AS q
  WHERE lower(q."name") = lower(p."name") AND (q."createdAt", q."id") < (p."createdAt", p."id")
);

-- An expression index, which schema.prisma cannot describe: lib/partners/create-partner.ts names it.
CREATE UNIQUE INDEX "Partner_name_lower_key" ON "Partner" (lower("name"));
