// @ts-check
// The one way a process of this app makes its pino logger. Plain JS because two worlds load it:
// lib/core/logger.ts inside Next's bundle, and scripts/server.mjs (the access log, start and stop)
// outside it, where no TypeScript loader runs. Both write the same JSON lines on stdout.
import pino from "pino";

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/**
 * A logger at LOG_LEVEL (default "info"). LOG_FORMAT=pretty is for a person at a terminal: the
 * lines go through pino-pretty, loaded (in pino's transport thread) only then.
 * @param {NodeJS.ProcessEnv} [environment]
 * @returns {import("pino").Logger}
 */
export function createLogger(environment = process.env) {
  const wanted = environment.LOG_LEVEL?.toLowerCase();
  return pino({
    level: wanted && LEVELS.includes(wanted) ? wanted : "info",
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Level names, not pino's numbers: a person or a log shipper reads "warn" without a table.
    formatters: { level: (label) => ({ level: label }) },
    // Secrets and personal data are never passed in; this list is the net under that rule.
    redact: {
      paths: [
        "authorization",
        "cookie",
        "*.authorization",
        "*.cookie",
        "*.recipientEmail",
        "*.recipientName",
        "headers.authorization",
        "headers.cookie",
      ],
      censor: "[redacted]",
    },
    ...(environment.LOG_FORMAT === "pretty"
      ? { transport: { target: "pino-pretty", options: { colorize: true, translateTime: "SYS:HH:MM:ss.l" } } }
      : {}),
  });
}
