// The overview's health card (components/admin/recent-health.tsx) for each state of its numbers:
// traffic with errors, none in the hour, a server that keeps no count (next dev), no metrics.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RecentHealth } from "@/components/admin/recent-health";
import { createFormatter } from "@/lib/core/format";
import type { HealthNumbers } from "@/lib/observability/read-metrics";

const quiet: HealthNumbers = {
  requests: 0,
  serverErrors: 0,
  errorRate: null,
  runsEnded: 0,
  runsFailed: 0,
  queueDepth: 0,
  oldestWaitingSeconds: 0,
  outboxPending: 0,
  outboxLagSeconds: 0,
};

const text = (numbers: HealthNumbers | null) =>
  renderToStaticMarkup(createElement(RecentHealth, { numbers, format: createFormatter() }))
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

describe("RecentHealth", () => {
  it("shows the share of 5xx answers with one decimal, and the queue now", () => {
    const shown = text({
      ...quiet,
      requests: 1234,
      serverErrors: 5,
      errorRate: 5 / 1234,
      runsFailed: 2,
      queueDepth: 3,
      oldestWaitingSeconds: 95,
      outboxLagSeconds: 4,
    });
    expect(shown).toContain("0.4 % of requests failed with a server error in the last hour (5 of 1,234).");
    expect(shown).toContain("Failed runs, last hour 2");
    expect(shown).toContain("Jobs due 3");
    expect(shown).toContain("Oldest due job 1 minute");
    expect(shown).toContain("Outbox lag 4 seconds");
  });

  it("says so when there was no request in the last hour", () => {
    expect(text(quiet)).toContain("No requests in the last hour.");
    expect(text(quiet)).toContain("Oldest due job —");
  });

  it("tells a server without the count (next dev) and missing metrics apart", () => {
    expect(text({ ...quiet, requests: null })).toContain("counted by the production server (npm start) only");
    expect(text(null)).toContain("metrics did not arrive in time");
  });
});
