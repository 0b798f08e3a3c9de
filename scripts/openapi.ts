// Writes the OpenAPI document to a file (default node_modules/.cache/openapi.json), for the linters and tools.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openApiDocument } from "@/lib/api/openapi";

const out = path.resolve(process.argv[2] ?? "node_modules/.cache/openapi.json");
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(openApiDocument(), null, 2) + "\n");
console.log(`OpenAPI document written to ${path.relative(process.cwd(), out)}`);
