// The app's one logger: JSON lines on stdout (pino), at LOG_LEVEL (default "info"), made by
// log-options.mjs, which scripts/server.mjs shares. Everything the server writes goes through it;
// only CLIs and scripts print for people.
import { createLogger } from "@/lib/core/log-options.mjs";

export const logger = createLogger();

/** A logger whose lines name the part of the app that wrote them (`component`). */
export const loggerFor = (component: string) => logger.child({ component });
