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

  it("shows a window in the partner's zone, not the viewer's", () => {
    // The viewer is in Berlin; the partner in New York (UTC-5 in January).
    const window = { from: "2030-01-15T19:00:00Z", to: "2030-01-15T21:00:00Z" };
    expect(en.window(window, "America/New_York")).toBe("14:00–16:00, 15 Jan");
    expect(en.window(window, "Europe/Berlin")).toBe("20:00–22:00, 15 Jan");
    expect(en.window(window, "UTC")).toBe("19:00–21:00, 15 Jan");
  });

  it("names both days of a window that crosses midnight in the partner's zone", () => {
    const window = { from: new Date("2030-01-15T21:00:00Z"), to: new Date("2030-01-16T01:30:00Z") };
    expect(en.window(window, "Europe/Berlin")).toBe("15 Jan, 22:00 – 16 Jan, 02:30");
    // The same instants are one evening in New York.
    expect(en.window(window, "America/New_York")).toBe("16:00–20:30, 15 Jan");
  });

  it("follows the clock change inside the partner's zone", () => {
    // Berlin moves from UTC+1 to UTC+2 at 01:00 UTC on 31 March 2030.
    expect(en.window({ from: "2030-03-31T00:30:00Z", to: "2030-03-31T02:00:00Z" }, "Europe/Berlin")).toBe(
      "01:30–04:00, 31 Mar",
    );
  });

  it("writes the times as the viewer's locale does", () => {
    const us = createFormatter({ locale: "en-US", timeZone: "UTC" });
    const window = { from: "2030-01-15T19:00:00Z", to: "2030-01-15T21:00:00Z" };
    expect(us.window(window, "America/New_York")).toMatch(/^2:00\sPM–4:00\sPM, Jan 15$/);
    const de = createFormatter({ locale: "de-DE", timeZone: "UTC" });
    expect(de.window(window, "Europe/Berlin")).toBe("20:00–22:00, 15. Jan.");
  });

  it("shows an instant such as an ETA in a given zone", () => {
    expect(en.dateTimeIn("2030-01-15T19:05:00Z", "Asia/Tokyo")).toBe("16 Jan 2030, 04:05");
    expect(en.dateTimeIn("2030-01-15T19:05:00Z", "America/New_York")).toBe("15 Jan 2030, 14:05");
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
