// Bundles the operator CLI (scripts/admin.ts and what it calls) into one ESM file for the production
// image: `docker compose exec app node scripts/admin.mjs <command>` (see Dockerfile).
//   tsx scripts/build-admin.ts [outfile]     default: dist/scripts/admin.mjs
import path from "node:path";
import { bundleCli } from "./lib/bundle.ts";

await bundleCli({
  entry: path.resolve(import.meta.dirname, "admin.ts"),
  outfile: path.resolve(process.argv[2] ?? "dist/scripts/admin.mjs"),
  label: "Operator CLI",
});
