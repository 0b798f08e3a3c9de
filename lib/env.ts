// The one place that reads process.env (DESIGN §10). Validated lazily so that importing a module
// never throws at build time; the first use reports every problem at once.
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Read by Auth.js itself; `npm run dev|start` on the embedded default generates one under .data/. */
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  /** Public origin used in links we hand out (tracking URLs, Location headers). */
  APP_URL: z.string().url().default("http://localhost:3000"),
  /** Largest accepted JSON body, in bytes. */
  API_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(64 * 1024),
});

export type Env = z.infer<typeof schema>;
let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
