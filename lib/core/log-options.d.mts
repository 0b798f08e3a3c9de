import type { Logger } from "pino";

/** See log-options.mjs. */
export function createLogger(environment?: NodeJS.ProcessEnv): Logger;
