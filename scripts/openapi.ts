// Writes the OpenAPI document (node_modules/.cache/openapi.json, for the linters) and the client
// types generated from it (tests/support/api-types.ts); `--check` fails when those types are stale.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { format, resolveConfig } from "prettier";
import { openApiDocument } from "@/lib/api/openapi";

const DOCUMENT = path.resolve("node_modules/.cache/openapi.json");
const TYPES = path.resolve("tests/support/api-types.ts");
const HEADER = "// Generated from the OpenAPI document by `npm run api:types`; do not edit.\n";

const document = openApiDocument();
mkdirSync(path.dirname(DOCUMENT), { recursive: true });
writeFileSync(DOCUMENT, JSON.stringify(document, null, 2) + "\n");

const generated = astToString(await openapiTS(JSON.parse(JSON.stringify(document))));
const types = await format(HEADER + generated, { ...(await resolveConfig(TYPES)), filepath: TYPES });
if (process.argv.includes("--write")) {
  writeFileSync(TYPES, types);
  console.log(`Wrote ${path.relative(process.cwd(), TYPES)}.`);
} else if (readFileSync(TYPES, "utf8") !== types) {
  console.error(`${path.relative(process.cwd(), TYPES)} is stale: run \`npm run api:types\`.`);
  process.exit(1);
}
