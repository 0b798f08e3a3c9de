// Bundles the operator CLI (scripts/admin.ts, with the lib/ use cases it calls and the Prisma
// client) into one ESM file for the production image, which has no tsx and no sources:
// `docker compose exec app node scripts/admin.mjs <command>` (see Dockerfile).
//
//   tsx scripts/build-admin.ts [outfile]     default: dist/scripts/admin.mjs
import path from "node:path";
import { build } from "esbuild";

const outfile = path.resolve(process.argv[2] ?? "dist/scripts/admin.mjs");
await build({
  entryPoints: [path.resolve(import.meta.dirname, "admin.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // `@/…` imports resolve through tsconfig.json's paths.
  tsconfig: path.resolve(import.meta.dirname, "../tsconfig.json"),
  // CommonJS dependencies (pg) call require(); give the ES module one.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  logLevel: "warning",
});
console.log(`Operator CLI bundled into ${path.relative(process.cwd(), outfile)}`);
