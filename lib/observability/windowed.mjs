// @ts-check
// "In the last hour" figures made from the cumulative counters the metrics expose, for the admin
// overview (lib/observability/read-metrics.ts). Plain JS: scripts/server.mjs loads it outside Next's
// bundle, beside the HTTP metrics (lib/observability/http.mjs).
//
// How the window is counted: a counter only grows, so an hour's count is its value now minus its
// value an hour ago. Every minute this process notes the counter's value (grouped by one label);
// the gauge is the value now minus the oldest note that is at most an hour old. The window is
// therefore between 59 and 60 minutes long (a minute's resolution, 60 small notes per counter),
// and exact otherwise: nothing is estimated. A process younger than an hour counts from its start,
// where its counters began at 0. Each process counts its own requests; in cluster mode the
// primary's aggregate sums the workers' gauges like their counters (a worker that ended takes its
// numbers with it, as it does its counters).
import client from "prom-client";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * @typedef {Record<string, number>} Totals the counter's value summed by the group label
 */

/**
 * The window's arithmetic, apart from prom-client and timers (tests/unit/windowed.test.ts drives it
 * with its own clock).
 * @param {{ startedAt: number, windowMs?: number }} options
 */
export function slidingWindow({ startedAt, windowMs = HOUR }) {
  /** @type {{ at: number, totals: Totals }[]} */
  const notes = [{ at: startedAt, totals: {} }];
  return {
    /**
     * Keeps the counter's totals at `at`, and forgets the notes no later window can start from
     * (those more than a window old).
     * @param {number} at
     * @param {Totals} totals
     */
    note(at, totals) {
      notes.push({ at, totals });
      while (notes[0].at < at - windowMs) notes.shift();
    },
    /**
     * What each group counted in the window ending at `at`, given the totals then.
     * @param {number} at
     * @param {Totals} totals
     * @returns {Totals}
     */
    since(at, totals) {
      const from = notes.find((n) => n.at >= at - windowMs) ?? { totals };
      /** @type {Totals} */
      const counted = {};
      for (const [group, value] of Object.entries(totals)) {
        // A counter reset (it never happens within one process) would count from 0.
        const before = from.totals[group] ?? 0;
        counted[group] = value >= before ? value - before : value;
      }
      return counted;
    },
  };
}

/**
 * A gauge `name` holding the last hour's count of the counter `counterName`, by `label` (its
 * values mapped by `group`). The counter is looked up in the shared registry when read, so it may
 * be registered later (the app's bundle registers the background-run counter at start-up).
 * @param {{ name: string, help: string, counterName: string, label: string, group: (labels: Record<string, string | number>) => string }} options
 */
export function lastHourGauge({ name, help, counterName, label, group }) {
  const existing = client.register.getSingleMetric(name);
  if (existing) return existing;
  /** @returns {Promise<Totals>} */
  const totals = async () => {
    const counter = client.register.getSingleMetric(counterName);
    /** @type {Totals} */
    const sums = {};
    if (!counter) return sums;
    for (const { labels, value } of (await counter.get()).values) {
      const key = group(labels);
      sums[key] = (sums[key] ?? 0) + value;
    }
    return sums;
  };
  const window = slidingWindow({ startedAt: Date.now() });
  setInterval(() => {
    const at = Date.now();
    void totals().then((t) => window.note(at, t));
  }, MINUTE).unref();
  return new client.Gauge({
    name,
    help,
    labelNames: [label],
    // Summed across workers (prom-client's default for a gauge, said here because it is the point).
    aggregator: "sum",
    async collect() {
      const counted = window.since(Date.now(), await totals());
      this.reset();
      for (const [key, value] of Object.entries(counted)) this.set({ [label]: key }, value);
    },
  });
}

/** `5xx` for 503: the status class of an HTTP status label. */
export const statusClass = (/** @type {Record<string, string | number>} */ labels) =>
  `${String(labels.status ?? "")[0] ?? "?"}xx`;

/** The last hour's gauges the admin overview reads: requests by status class, background runs by outcome. */
export function startLastHourGauges() {
  lastHourGauge({
    name: "http_requests_last_hour",
    help: "HTTP requests answered in the last hour (59-60 minutes), by status class: http_requests_total's increase.",
    counterName: "http_requests_total",
    label: "status_class",
    group: statusClass,
  });
  lastHourGauge({
    name: "background_runs_last_hour",
    help: "Background function attempts that ended in the last hour (59-60 minutes), by outcome: background_runs_total's increase.",
    counterName: "background_runs_total",
    label: "outcome",
    group: (labels) => String(labels.outcome ?? ""),
  });
}
