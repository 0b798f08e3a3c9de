// One JSON line per event worth an operator's attention. graphile-worker logs every finished job
// at info level (a line per email, at thousands of jobs a minute); only its warnings and errors
// are kept, the runs themselves are recorded in BackgroundRun.
import { Logger } from "graphile-worker";

export const log = (level: "info" | "warn" | "error", msg: string, fields: Record<string, unknown> = {}) =>
  console[level](JSON.stringify({ level, msg, ...fields }));

export const graphileLogger = new Logger(() => (level, message) => {
  // A failed attempt is recorded on its run (error, attempt) and retried; not worth a line each.
  if (level === "error" && message.startsWith("Failed task")) return;
  if (level === "error" || level === "warning") {
    log(level === "error" ? "error" : "warn", "graphile-worker", { detail: message.split("\n")[0] });
  }
});
