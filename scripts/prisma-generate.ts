// Runs `prisma generate` on machines without Prisma's native schema engine (docs/toolchain.md):
// generation does not use the engine, but the CLI wants a binary path to exist.
import { execFileSync } from "node:child_process";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";
env.PRISMA_HIDE_UPDATE_MESSAGE ??= "1";
execFileSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
