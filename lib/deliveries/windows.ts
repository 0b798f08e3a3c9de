// Delivery windows (README "Delivery windows"): a pickup and a drop-off window, each two instants
// stored in UTC and entered and shown in the partner's time zone. One schema per window and one set
// of rules between them, used by the API, the form, the CSV import, reschedules and re-attempts.
import { TZDate } from "@date-fns/tz";
import { z } from "zod";

/** How wide a window may be, in hours, unless DELIVERY_WINDOW_MAX_HOURS says otherwise. */
export const DEFAULT_WINDOW_MAX_HOURS = 12;

/**
 * The configured limit. Read from the environment on the server only (the same schema runs in the
 * browser, which has no environment and checks the default; the server's answer decides).
 */
export function windowMaxHours(): number {
  if (typeof window !== "undefined") return DEFAULT_WINDOW_MAX_HOURS;
  const raw = process.env.DELIVERY_WINDOW_MAX_HOURS;
  const hours = raw === undefined || raw.trim() === "" ? DEFAULT_WINDOW_MAX_HOURS : Number(raw);
  return Number.isFinite(hours) && hours > 0 ? hours : DEFAULT_WINDOW_MAX_HOURS;
}

export type Window = {
  /** ISO 8601 instant in UTC (`…Z`). */
  from: string;
  to: string;
};

const instant = z.iso
  .datetime({ offset: true, error: "An ISO 8601 date-time with a time zone, e.g. 2030-01-15T09:00:00+01:00" })
  // One spelling per instant (UTC, milliseconds), so the idempotency fingerprint sees equal windows as equal.
  .transform((value) => new Date(value).toISOString());

/** `{ from, to }`: two instants with an offset or `Z`; answered back in UTC. */
export const windowSchema = z
  .strictObject({
    from: instant.meta({ description: "Start of the window (ISO 8601 with offset)." }),
    to: instant.meta({ description: "End of the window (ISO 8601 with offset); after `from`." }),
  })
  .meta({ id: "TimeWindow" });

/** A window in a request: absent, null or blank mean "none". */
export const optionalWindow = z.preprocess(
  (value) => (value === null || value === "" ? undefined : value),
  windowSchema.optional(),
);

export const WINDOW_RULES = {
  order: "`to` must be after `from`",
  width: (hours: number) => `At most ${hours} hours wide`,
  past: "Must not end in the past",
  dropoffBeforePickup: "The drop-off window must not end before the pickup window starts",
} as const;

type Issue = { path: (string | number)[]; message: string };

const HOUR = 3_600_000;

/**
 * What is wrong with one window, as issues under `field` (empty when it is fine). The rule about
 * the past is judged only when `now` is given: a replay of a request accepted earlier is not.
 */
export function windowIssues(field: string, value: Window | undefined, now?: number): Issue[] {
  if (!value) return [];
  const from = Date.parse(value.from);
  const to = Date.parse(value.to);
  const issues: Issue[] = [];
  if (!(to > from)) issues.push({ path: [field, "to"], message: WINDOW_RULES.order });
  else if (to - from > windowMaxHours() * HOUR) {
    issues.push({ path: [field, "to"], message: WINDOW_RULES.width(windowMaxHours()) });
  }
  if (now !== undefined && to <= now) issues.push({ path: [field, "to"], message: WINDOW_RULES.past });
  return issues;
}

export type Windows = { pickupWindow?: Window | null; dropoffWindow?: Window | null };

/** The rules of a pair of windows: each on its own, and the drop-off not ending before the pickup starts. */
export function windowPairIssues(windows: Windows, now?: number): Issue[] {
  const pickupWindow = windows.pickupWindow ?? undefined;
  const dropoffWindow = windows.dropoffWindow ?? undefined;
  const issues = [
    ...windowIssues("pickupWindow", pickupWindow, now),
    ...windowIssues("dropoffWindow", dropoffWindow, now),
  ];
  if (pickupWindow && dropoffWindow && Date.parse(dropoffWindow.to) < Date.parse(pickupWindow.from)) {
    issues.push({ path: ["dropoffWindow", "to"], message: WINDOW_RULES.dropoffBeforePickup });
  }
  return issues;
}

/**
 * The window rules as a zod refinement: always the timeless ones; the past only beside other
 * errors (so one answer names every problem), as the delivery date's rule does.
 */
export function refineWindows(value: Windows, ctx: z.RefinementCtx) {
  const found = (ctx as unknown as { issues: unknown[] }).issues;
  for (const issue of windowPairIssues(value, found.length > 0 ? Date.now() : undefined)) {
    ctx.addIssue({ code: "custom", path: issue.path, message: issue.message, input: value });
  }
}

// --- Time zones -----------------------------------------------------------------------------------

/** An IANA time zone name as Intl knows it (canonical spelling), or null. */
export function canonicalTimeZone(value: string): string | null {
  if (!value || value.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, "Required")
  .max(64, "At most 64 characters")
  .refine((v) => canonicalTimeZone(v) !== null, "Not a known IANA time zone, e.g. Europe/Berlin")
  .transform((v) => canonicalTimeZone(v)!)
  .meta({ description: "IANA time zone name, e.g. Europe/Berlin.", example: "Europe/Berlin" });

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A wall-clock time in `timeZone` (`YYYY-MM-DDTHH:mm`, as a datetime-local input sends it) as an
 * instant, or null when it is not such a time. A time skipped by a clock change moves forward by
 * the gap; a repeated one (clocks going back) is its occurrence after the change, in standard time.
 */
export function localToInstant(local: string, timeZone: string): Date | null {
  const m = LOCAL.exec(local.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null; // 31 February and the like
  return new Date(new TZDate(year, month - 1, day, hour, minute, second, timeZone).getTime());
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as the wall-clock time in `timeZone`, `YYYY-MM-DDTHH:mm` (a datetime-local value). */
export function instantToLocal(at: Date | string, timeZone: string): string {
  const w = new TZDate(new Date(at).getTime(), timeZone);
  return `${w.getFullYear()}-${pad(w.getMonth() + 1)}-${pad(w.getDate())}T${pad(w.getHours())}:${pad(w.getMinutes())}`;
}

/** The calendar day of an instant in `timeZone`, `YYYY-MM-DD`. */
export function dayInZone(at: Date | string, timeZone: string): string {
  return instantToLocal(at, timeZone).slice(0, 10);
}

/** Columns ↔ the API's window objects. */
export function windowOf(start: Date | null | undefined, end: Date | null | undefined): Window | null {
  return start && end ? { from: start.toISOString(), to: end.toISOString() } : null;
}

/** Statuses still on their way to the recipient: one of these past its window is late. */
export const OPEN_STATUSES = ["CREATED", "ASSIGNED", "IN_TRANSIT"] as const;

/** Whether a delivery is late: its drop-off window has ended and it is still open. */
export function isLate(
  delivery: { status: string; dropoffWindowEnd?: Date | null },
  now: number = Date.now(),
): boolean {
  return (
    !!delivery.dropoffWindowEnd &&
    delivery.dropoffWindowEnd.getTime() < now &&
    (OPEN_STATUSES as readonly string[]).includes(delivery.status)
  );
}
