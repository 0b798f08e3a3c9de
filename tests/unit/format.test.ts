import { describe, expect, it } from "vitest";
import { createFormatter, isoDate, parseLocale, parseTimeZone } from "@/lib/core/format";

describe("the UI formatter", () => {
  const en = createFormatter({ locale: "en-GB", timeZone: "Europe/Berlin" });

  it("shows an instant in the viewer's time zone", () => {
    expect(en.dateTime("2026-11-30T23:30:00Z")).toBe("1 Dec 2026, 00:30");
    expect(en.date("2026-11-30T23:30:00Z")).toBe("1 Dec 2026");
  });

  it("never shifts a calendar date, whatever the time zone", () => {
    const far = createFormatter({ locale: "en-GB", timeZone: "Pacific/Honolulu" });
    expect(far.calendarDate("2026-12-24")).toBe("24 Dec 2026");
  });

  it("formats numbers for the locale", () => {
    expect(createFormatter({ locale: "de-DE", timeZone: "UTC" }).number(12345.5)).toBe("12.345,5");
    expect(en.percent(0.456)).toBe("46%");
  });

  it("says durations in the two largest human units", () => {
    expect(en.duration(408 * 3_600_000)).toBe("17 days");
    expect(en.duration(3 * 3_600_000 + 20 * 60_000)).toBe("3 hours 20 minutes");
    expect(en.duration(26 * 3_600_000 + 5 * 60_000)).toBe("1 day 2 hours");
    expect(en.duration(45 * 60_000)).toBe("45 minutes");
    expect(en.duration(12_400)).toBe("12 seconds");
    expect(en.duration(-5)).toBe("0 seconds");
  });

  it("accepts only locales and time zones Intl knows", () => {
    expect(parseLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
    expect(parseLocale("*")).toBeNull();
    expect(parseLocale("not a locale!")).toBeNull();
    expect(parseLocale("x".repeat(500))).toBeNull();
    expect(parseTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(parseTimeZone("Mars/Olympus")).toBeNull();
    expect(parseTimeZone("")).toBeNull();
  });
});

describe("isoDate", () => {
  it("writes a calendar date as YYYY-MM-DD, from a UTC midnight or a stored string", () => {
    expect(isoDate(new Date("2026-12-24T00:00:00Z"))).toBe("2026-12-24");
    expect(isoDate("2026-12-24T00:00:00.000Z")).toBe("2026-12-24");
  });
});
