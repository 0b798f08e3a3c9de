// The one place that reads process.env. Validated lazily so that importing a module never throws
// at build time; the first use reports every problem at once.
import { z } from "zod";

/**
 * INNGEST_DEV as the Inngest SDK reads it: `1`/`true` (or the dev server's URL) is dev mode,
 * `0`/`false` is not. Anything else is refused rather than guessed, so that this app and the SDK
 * never disagree about whether calls must be signed.
 */
const inngestDev = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const v = value.toLowerCase();
    if (v === "1" || v === "true") return true;
    if (v === "0" || v === "false") return false;
    if (z.url({ protocol: /^https?$/ }).safeParse(value).success) return true;
    ctx.addIssue({ code: "custom", message: "INNGEST_DEV must be 1, true, 0, false or the dev server's URL" });
    return z.NEVER;
  });

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Read by Auth.js itself; `npm run dev|start` on the embedded default generates one under .data/. */
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  /** Public origin used in links we hand out (tracking URLs, Location headers). */
  APP_URL: z.string().url().default("http://localhost:3000"),
  /** Largest accepted JSON body, in bytes. */
  API_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024),

  /** Resend API key; unset → emails are rendered, logged and stored as LOGGED. */
  RESEND_API_KEY: z.string().min(1).optional(),
  /** Resend API origin (tests and proxies); the SDK's default otherwise. */
  RESEND_BASE_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().min(3).default("Delivery platform <no-reply@deliveries.example>"),

  /** In-process outbox sweep period per server; 0 turns the sweep (and the after-commit kick) off. */
  OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().min(0).default(5_000),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(50),

  /** A delivery is "stuck" this long after entering CREATED / IN_TRANSIT. */
  STUCK_CREATED_AFTER_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(24 * 60),
  STUCK_IN_TRANSIT_AFTER_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(48 * 60),
  /** When the stuck check runs: a five-field cron expression in UTC. */
  STUCK_CHECK_CRON: z
    .string()
    .regex(/^[\d*/,-]+( [\d*/,-]+){4}$/, "STUCK_CHECK_CRON must be five cron fields, e.g. */15 * * * *")
    .default("*/15 * * * *"),

  /**
   * Inngest's own settings (the SDK reads them too). Any of them set means an Inngest server runs
   * the background functions (dev server, Inngest Cloud or self-hosted `inngest start`); none set
   * means the embedded executor runs them in the app process. BACKGROUND_EXECUTOR overrides.
   */
  INNGEST_DEV: inngestDev.default(false),
  INNGEST_BASE_URL: z.string().url().optional(),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  INNGEST_SIGNING_KEY: z.string().min(1).optional(),
  /** The previous signing key while Inngest rotates it; calls signed with either are accepted. */
  INNGEST_SIGNING_KEY_FALLBACK: z.string().min(1).optional(),
  /**
   * The origin Inngest calls the functions at (registered on sync), e.g. `http://app:3000` inside
   * Docker Compose; APP_URL when unset. Never taken from a request's Host or X-Forwarded-Host.
   * INNGEST_SERVE_HOST is the SDK's older name for the same setting.
   */
  INNGEST_SERVE_ORIGIN: z.string().url().optional(),
  INNGEST_SERVE_HOST: z.string().url().optional(),
  BACKGROUND_EXECUTOR: z.enum(["embedded", "inngest"]).optional(),
  /** Embedded executor: runs at once per process; how long a silent process keeps its jobs; poll for retries. */
  BACKGROUND_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(8),
  BACKGROUND_LEASE_MS: z.coerce.number().int().min(1_000).default(15_000),
  BACKGROUND_POLL_MS: z.coerce.number().int().min(50).default(1_000),
  /**
   * off: this process only serves requests; another one runs the relay, executor and cron (set by
   * scripts/server.mjs on cluster workers 2…n; also for extra instances of one deployment).
   */
  BACKGROUND_WORK: z.enum(["on", "off"]).default("on"),

  /** Retention (days): sent outbox rows, webhook attempts, emails, read notifications, run records. */
  RETENTION_OUTBOX_DAYS: z.coerce.number().int().min(1).default(7),
  RETENTION_WEBHOOK_ATTEMPTS_DAYS: z.coerce.number().int().min(1).default(30),
  RETENTION_EMAILS_DAYS: z.coerce.number().int().min(1).default(30),
  RETENTION_NOTIFICATIONS_DAYS: z.coerce.number().int().min(1).default(30),
  RETENTION_RUNS_DAYS: z.coerce.number().int().min(1).default(14),

  /** Consecutive failed webhook attempts after which the endpoint is disabled. */
  WEBHOOK_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** Total deadline of one webhook attempt: connecting, sending and the whole response. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** "Send test event" per partner per 10 minutes (each one is an outgoing request we make). */
  RATE_LIMIT_WEBHOOK_TESTS_PER_PARTNER: z.coerce.number().int().min(1).default(10),
  /** Allow private, loopback and link-local webhook targets (development and tests only). */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z.stringbool().default(false),
  /** API requests per minute, per API key or signed-in user, and per partner organisation. */
  RATE_LIMIT_API_PER_CALLER: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_API_PER_PARTNER: z.coerce.number().int().min(1).default(1200),
  /** Failed sign-ins per 15 minutes for one email from one client address; then that client is refused. */
  RATE_LIMIT_SIGNIN_PER_CLIENT: z.coerce.number().int().min(1).default(5),
  /** Failed sign-ins per 15 minutes for one email from anywhere; then every attempt is slowed, never refused. */
  RATE_LIMIT_SIGNIN_PER_EMAIL: z.coerce.number().int().min(1).default(10),
  /**
   * Public tracking lookups per minute from one client (an IPv6 client by its /64): far above what
   * a recipient refreshing their page does, far below guessing codes.
   */
  RATE_LIMIT_TRACKING_PER_CLIENT: z.coerce.number().int().min(1).default(60),
  /** Emails to recipients per partner per day (UTC): room for big imports, not for mailing lists. */
  RECIPIENT_EMAILS_PER_PARTNER_PER_DAY: z.coerce.number().int().min(1).default(20_000),
  /** Sign-in attempts (any email, any outcome) per 15 minutes from one client address. */
  RATE_LIMIT_SIGNIN_PER_IP: z.coerce.number().int().min(1).default(100),
  /** How long each sign-in for an email past RATE_LIMIT_SIGNIN_PER_EMAIL waits before its answer. */
  SIGNIN_SLOWDOWN_MS: z.coerce.number().int().min(0).max(60_000).default(3_000),
  /**
   * How many proxies in front of the app append to X-Forwarded-For (0: none, the socket's peer is
   * the client). Set it to exactly the number of your proxies: more lets clients pick their address.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Lets a Prometheus elsewhere read /api/metrics (`Authorization: Bearer <token>`); loopback needs none. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
});

export type Env = z.infer<typeof schema>;

/**
 * The stuck check's schedule, read on its own: function definitions are loaded where the rest of
 * the environment may be absent (the build), and a bad value must still stop the process.
 */
export const stuckCheckCron = (): string =>
  schema.shape.STUCK_CHECK_CRON.parse(process.env.STUCK_CHECK_CRON || undefined);
export type BackgroundExecutor = "embedded" | "inngest";
let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  // An empty variable counts as unset (`RESEND_API_KEY: ${RESEND_API_KEY:-}` in docker-compose.yml).
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Who runs the background functions: an Inngest server when one is configured. */
export function backgroundExecutor(e: Env = env()): BackgroundExecutor {
  if (e.BACKGROUND_EXECUTOR) return e.BACKGROUND_EXECUTOR;
  const configured = e.INNGEST_DEV || e.INNGEST_BASE_URL || e.INNGEST_EVENT_KEY || e.INNGEST_SIGNING_KEY;
  return configured ? "inngest" : "embedded";
}
