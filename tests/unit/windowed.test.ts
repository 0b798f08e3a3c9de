// The last hour's window over a cumulative counter (lib/observability/windowed.mjs), on a clock of
// the test's own: notes every minute, the count is now minus the oldest note inside the hour.
import { describe, expect, it } from "vitest";
import { slidingWindow, statusClass } from "@/lib/observability/windowed.mjs";

const MINUTE = 60_000;

describe("slidingWindow", () => {
  it("counts from the process's start while it is younger than the window", () => {
    const w = slidingWindow({ startedAt: 0 });
    w.note(MINUTE, { "2xx": 5 });
    expect(w.since(90_000, { "2xx": 7, "5xx": 1 })).toEqual({ "2xx": 7, "5xx": 1 });
  });

  it("forgets what happened more than an hour ago, to the minute", () => {
    const w = slidingWindow({ startedAt: 0 });
    // 10 requests in each minute, one of them a 5xx, for two hours.
    let totals = { "2xx": 0, "5xx": 0 };
    for (let minute = 1; minute <= 120; minute++) {
      totals = { "2xx": totals["2xx"] + 9, "5xx": totals["5xx"] + 1 };
      w.note(minute * MINUTE, totals);
    }
    // At 2 h exactly: the note of 1 h 00 is the oldest inside the hour: 60 minutes counted.
    expect(w.since(120 * MINUTE, totals)).toEqual({ "2xx": 540, "5xx": 60 });
    // Half a minute later, that note is outside: 59 minutes (plus the half minute's, none here).
    expect(w.since(120 * MINUTE + 30_000, totals)).toEqual({ "2xx": 531, "5xx": 59 });
  });

  it("shows nothing once an hour has passed without requests", () => {
    const w = slidingWindow({ startedAt: 0 });
    w.note(MINUTE, { "5xx": 3 });
    for (let minute = 2; minute <= 62; minute++) w.note(minute * MINUTE, { "5xx": 3 });
    expect(w.since(62 * MINUTE, { "5xx": 3 })).toEqual({ "5xx": 0 });
  });
});

describe("statusClass", () => {
  it("groups statuses by their first digit", () => {
    expect([200, "201", 404, "503", 499].map((status) => statusClass({ status }))).toEqual([
      "2xx",
      "2xx",
      "4xx",
      "5xx",
      "4xx",
    ]);
  });
});
