// The app's one logger: JSON lines on stdout (pino), at LOG_LEVEL (default "info"). Everything the
// server writes goes through it; only CLIs and scripts print for people. Secrets and personal data
// are never passed in; the redact list is the net under that rule, not the rule.
import pino from "pino";

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
const wanted = process.env.LOG_LEVEL?.toLowerCase();

export const logger = pino({
  level: wanted && LEVELS.includes(wanted) ? wanted : "info",
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  // Level names, not pino's numbers: a person or a log shipper reads "warn" without a table.
  formatters: { level: (label) => ({ level: label }) },
  redact: {
    paths: ["authorization", "cookie", "*.authorization", "*.cookie", "*.recipientEmail", "*.recipientName"],
    censor: "[redacted]",
  },
});

/** A logger whose lines name the part of the app that wrote them (`component`). */
export const loggerFor = (component: string) => logger.child({ component });
