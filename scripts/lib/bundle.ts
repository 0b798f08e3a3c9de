// One esbuild setup for the CLIs the production image runs without tsx or sources
// (scripts/build-admin.ts, scripts/build-migrator.ts).
import path from "node:path";
import { build } from "esbuild";

export async function bundleCli(options: { entry: string; outfile: string; external?: string[]; label: string }) {
  await build({
    entryPoints: [options.entry],
    outfile: options.outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: options.external,
    // `@/…` imports resolve through tsconfig.json's paths.
    tsconfig: path.resolve(import.meta.dirname, "../../tsconfig.json"),
    // CommonJS dependencies (pg) call require(); give the ES module one.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
    logLevel: "warning",
  });
  console.log(`${options.label} bundled into ${path.relative(process.cwd(), options.outfile)}`);
}
