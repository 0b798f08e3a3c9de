import { afterEach, describe, expect, it } from "vitest";
import {
  WINDOW_RULES,
  canonicalTimeZone,
  dayInZone,
  instantToLocal,
  isLate,
  localToInstant,
  optionalWindow,
  timeZoneSchema,
  windowIssues,
  windowMaxHours,
  windowPairIssues,
  windowSchema,
} from "@/lib/deliveries/windows";

const NOW = Date.parse("2030-01-15T08:00:00Z");

describe("windowSchema", () => {
  it("answers both ends in UTC whatever offset they came with", () => {
    expect(windowSchema.parse({ from: "2030-01-15T09:00:00+01:00", to: "2030-01-15T12:30:00+01:00" })).toEqual({
      from: "2030-01-15T08:00:00.000Z",
      to: "2030-01-15T11:30:00.000Z",
    });
  });

  it("refuses times without a zone, unknown keys and non-dates", () => {
    expect(windowSchema.safeParse({ from: "2030-01-15T09:00:00", to: "2030-01-15T10:00:00Z" }).success).toBe(false);
    expect(windowSchema.safeParse({ from: "2030-01-15T09:00:00Z", to: "2030-01-15T10:00:00Z", x: 1 }).success).toBe(
      false,
    );
    expect(windowSchema.safeParse({ from: "tomorrow", to: "2030-01-15T10:00:00Z" }).success).toBe(false);
  });

  it("reads null and blank as no window", () => {
    expect(optionalWindow.parse(null)).toBeUndefined();
    expect(optionalWindow.parse("")).toBeUndefined();
    expect(optionalWindow.parse(undefined)).toBeUndefined();
  });
});

describe("window rules", () => {
  afterEach(() => {
    delete process.env.DELIVERY_WINDOW_MAX_HOURS;
  });

  const w = (from: string, to: string) => ({ from, to });

  it("accepts a window in the future up to the width limit", () => {
    expect(windowIssues("dropoffWindow", w("2030-01-15T09:00:00Z", "2030-01-15T21:00:00Z"), NOW)).toEqual([]);
  });

  it("names the field when `to` is not after `from`", () => {
    expect(windowIssues("pickupWindow", w("2030-01-15T10:00:00Z", "2030-01-15T10:00:00Z"), NOW)).toEqual([
      { path: ["pickupWindow", "to"], message: WINDOW_RULES.order },
    ]);
  });

  it("refuses a window wider than the limit, which the environment can change", () => {
    const wide = w("2030-01-15T09:00:00Z", "2030-01-15T21:00:01Z");
    expect(windowIssues("dropoffWindow", wide, NOW)).toEqual([
      { path: ["dropoffWindow", "to"], message: WINDOW_RULES.width(12) },
    ]);
    process.env.DELIVERY_WINDOW_MAX_HOURS = "24";
    expect(windowMaxHours()).toBe(24);
    expect(windowIssues("dropoffWindow", wide, NOW)).toEqual([]);
    process.env.DELIVERY_WINDOW_MAX_HOURS = "nonsense";
    expect(windowMaxHours()).toBe(12);
  });

  it("refuses a window that has ended", () => {
    expect(windowIssues("dropoffWindow", w("2030-01-15T06:00:00Z", "2030-01-15T08:00:00Z"), NOW)).toEqual([
      { path: ["dropoffWindow", "to"], message: WINDOW_RULES.past },
    ]);
  });

  it("refuses a drop-off window ending before the pickup starts, and allows overlap", () => {
    const pickupWindow = w("2030-01-15T12:00:00Z", "2030-01-15T14:00:00Z");
    expect(
      windowPairIssues({ pickupWindow, dropoffWindow: w("2030-01-15T09:00:00Z", "2030-01-15T11:00:00Z") }, NOW),
    ).toEqual([{ path: ["dropoffWindow", "to"], message: WINDOW_RULES.dropoffBeforePickup }]);
    expect(
      windowPairIssues({ pickupWindow, dropoffWindow: w("2030-01-15T11:00:00Z", "2030-01-15T13:00:00Z") }, NOW),
    ).toEqual([]);
  });
});

describe("time zones", () => {
  it("knows IANA names and answers their canonical spelling", () => {
    expect(canonicalTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(timeZoneSchema.parse(" America/New_York ")).toBe("America/New_York");
  });

  it("refuses unknown and hostile names", () => {
    for (const bad of ["Mars/Olympus", "", "../etc/passwd", "Europe/Berlin; DROP", "x".repeat(65)]) {
      expect(canonicalTimeZone(bad)).toBeNull();
      expect(timeZoneSchema.safeParse(bad).success).toBe(false);
    }
  });

  it("turns a wall-clock time into an instant and back", () => {
    expect(localToInstant("2030-01-15T09:00", "Europe/Berlin")?.toISOString()).toBe("2030-01-15T08:00:00.000Z");
    expect(localToInstant("2030-07-15T09:00", "Europe/Berlin")?.toISOString()).toBe("2030-07-15T07:00:00.000Z");
    expect(localToInstant("2030-07-15T09:00", "America/New_York")?.toISOString()).toBe("2030-07-15T13:00:00.000Z");
    expect(localToInstant("2030-01-15T09:00", "Asia/Kolkata")?.toISOString()).toBe("2030-01-15T03:30:00.000Z");
    expect(instantToLocal("2030-01-15T08:00:00Z", "Europe/Berlin")).toBe("2030-01-15T09:00");
    expect(instantToLocal("2030-07-15T13:00:00Z", "America/New_York")).toBe("2030-07-15T09:00");
  });

  it("gets the hours next to a clock change right in zones east and west of UTC", () => {
    // Berlin springs forward at 01:00Z on 31 March 2030; New York at 07:00Z on 10 March 2030.
    expect(localToInstant("2030-03-31T01:30", "Europe/Berlin")?.toISOString()).toBe("2030-03-31T00:30:00.000Z");
    expect(localToInstant("2030-03-31T03:30", "Europe/Berlin")?.toISOString()).toBe("2030-03-31T01:30:00.000Z");
    expect(localToInstant("2030-03-10T01:30", "America/New_York")?.toISOString()).toBe("2030-03-10T06:30:00.000Z");
    expect(localToInstant("2030-03-10T03:30", "America/New_York")?.toISOString()).toBe("2030-03-10T07:30:00.000Z");
  });

  it("moves a time skipped by a clock change forward by the gap", () => {
    expect(localToInstant("2030-03-31T02:30", "Europe/Berlin")?.toISOString()).toBe("2030-03-31T01:30:00.000Z");
    expect(localToInstant("2030-03-10T02:30", "America/New_York")?.toISOString()).toBe("2030-03-10T07:30:00.000Z");
  });

  it("reads a repeated time as its occurrence after the change, and says so when shown", () => {
    // Berlin falls back at 01:00Z on 27 October 2030: 02:30 happens at 00:30Z and at 01:30Z.
    expect(localToInstant("2030-10-27T02:30", "Europe/Berlin")?.toISOString()).toBe("2030-10-27T01:30:00.000Z");
    expect(instantToLocal("2030-10-27T00:30:00Z", "Europe/Berlin")).toBe("2030-10-27T02:30");
    expect(instantToLocal("2030-10-27T01:30:00Z", "Europe/Berlin")).toBe("2030-10-27T02:30");
  });

  it("refuses what is not a wall-clock time", () => {
    for (const bad of ["2030-02-31T09:00", "2030-13-01T09:00", "2030-01-15T24:00", "2030-01-15", "9am"]) {
      expect(localToInstant(bad, "UTC")).toBeNull();
    }
  });

  it("takes the calendar day in the zone", () => {
    expect(dayInZone("2030-01-15T23:30:00Z", "Europe/Berlin")).toBe("2030-01-16");
    expect(dayInZone("2030-01-15T03:00:00Z", "America/New_York")).toBe("2030-01-14");
  });
});

describe("isLate", () => {
  const past = new Date(NOW - 60_000);
  it("is late when the drop-off window has ended and the delivery is open", () => {
    for (const status of ["CREATED", "ASSIGNED", "IN_TRANSIT"]) {
      expect(isLate({ status, dropoffWindowEnd: past }, NOW)).toBe(true);
    }
  });
  it("is not late when finished, without a window, or before the window ends", () => {
    for (const status of ["COMPLETED", "CANCELLED", "FAILED"]) {
      expect(isLate({ status, dropoffWindowEnd: past }, NOW)).toBe(false);
    }
    expect(isLate({ status: "IN_TRANSIT", dropoffWindowEnd: null }, NOW)).toBe(false);
    expect(isLate({ status: "IN_TRANSIT", dropoffWindowEnd: new Date(NOW + 60_000) }, NOW)).toBe(false);
  });
});
