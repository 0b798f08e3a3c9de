// How dates, numbers and durations read in the UI: one format per kind, in the viewer's locale and
// time zone. Pages get a formatter from getFormatter() (lib/format-request.ts); client components
// receive strings already formatted by the page, so server and browser never disagree.
export interface FormatPrefs {
  locale: string;
  timeZone: string;
}

export const DEFAULT_PREFS: FormatPrefs = { locale: "en-GB", timeZone: "UTC" };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type Formatter = ReturnType<typeof createFormatter>;

export function createFormatter(prefs: FormatPrefs = DEFAULT_PREFS) {
  const { locale, timeZone } = prefs;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  // A calendar date (a delivery date) has no time zone: shown as stored, never shifted.
  const calendarDate = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  // Delivery windows and an ETA are read in the partner's zone, not the viewer's: one format each per zone.
  const inZone = new Map<
    string,
    { time: Intl.DateTimeFormat; day: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat }
  >();
  const zoned = (zone: string) => {
    let f = inZone.get(zone);
    if (!f) {
      f = {
        time: new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: zone }),
        day: new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: zone }),
        dateTime: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: zone }),
      };
      inZone.set(zone, f);
    }
    return f;
  };
  const unit = (name: "day" | "hour" | "minute" | "second", value: number) =>
    new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "long" }).format(value);

  return {
    prefs,
    /** 30 Nov 2026, 14:05 – an instant, in the viewer's time zone. */
    dateTime: (value: Date | string) => dateTime.format(new Date(value)),
    /** 30 Nov 2026 – the day of an instant, in the viewer's time zone. */
    date: (value: Date | string) => date.format(new Date(value)),
    /** 30 Nov 2026 – a calendar date such as a delivery date (YYYY-MM-DD or a UTC midnight). */
    calendarDate: (value: Date | string) => calendarDate.format(new Date(value)),
    /**
     * A window in a time zone (the partner's): "14:00–16:00, 15 Jan" within one day there, else
     * "15 Jan, 22:00 – 16 Jan, 02:00".
     */
    window(value: { from: Date | string; to: Date | string }, zone: string): string {
      const f = zoned(zone);
      const from = new Date(value.from);
      const to = new Date(value.to);
      const [fromDay, toDay] = [f.day.format(from), f.day.format(to)];
      if (fromDay === toDay) return `${f.time.format(from)}–${f.time.format(to)}, ${fromDay}`;
      return `${fromDay}, ${f.time.format(from)} – ${toDay}, ${f.time.format(to)}`;
    },
    /** 30 Nov 2026, 14:05 – an instant in a given time zone (the partner's), e.g. an ETA. */
    dateTimeIn: (value: Date | string, zone: string) => zoned(zone).dateTime.format(new Date(value)),
    number: (value: number) => number.format(value),
    percent: (fraction: number) => percent.format(fraction),
    /** "17 days", "3 hours 20 minutes", "45 minutes", "12 seconds": the two largest units. */
    duration(ms: number): string {
      const abs = Math.max(0, Math.round(ms));
      if (abs < MINUTE) return unit("second", Math.round(abs / 1000));
      const parts: string[] = [];
      const days = Math.floor(abs / DAY);
      const hours = Math.floor((abs % DAY) / HOUR);
      const minutes = Math.floor((abs % HOUR) / MINUTE);
      if (days) parts.push(unit("day", days));
      if (hours) parts.push(unit("hour", hours));
      if (minutes && !days) parts.push(unit("minute", minutes));
      return parts.slice(0, 2).join(" ");
    },
  };
}

/** A calendar date as YYYY-MM-DD, the API's and the messages' form of a delivery date. */
export function isoDate(value: Date | string): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** A locale tag as the browser sent it, or null when it is not one Intl knows. */
export function parseLocale(value: string | undefined | null): string | null {
  const tag = value?.split(",")[0]?.split(";")[0]?.trim();
  if (!tag || tag.length > 35 || tag === "*") return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** An IANA time zone name, or null when Intl does not know it. */
export function parseTimeZone(value: string | undefined | null): string | null {
  if (!value || value.length > 64) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
