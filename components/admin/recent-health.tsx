// The admin overview's health figures: the last hour's error rate and failed background runs, and
// the queue and outbox now. All of them are numbers of GET /api/metrics, read from every worker
// (lib/observability/read-metrics.ts), so the page and Prometheus agree.
import type { Formatter } from "@/lib/core/format";
import type { HealthNumbers } from "@/lib/observability/read-metrics";

function Figure({ label, value, alert, testId }: { label: string; value: string; alert?: boolean; testId: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className={`font-semibold tabular-nums ${alert ? "text-red-700" : ""}`} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export function RecentHealth({ numbers, format }: { numbers: HealthNumbers | null; format: Formatter }) {
  const seconds = (s: number) => (s > 0 ? format.duration(s * 1000) : "—");
  // One decimal: a 0.4 % error rate is not "0 %".
  const share = (fraction: number) => `${format.number(Math.round(fraction * 1000) / 10)} %`;
  return (
    <section aria-labelledby="health-heading" className="card" data-testid="recent-health">
      <h2 id="health-heading" className="text-base font-semibold">
        Health
      </h2>
      {numbers === null ? (
        <p className="mt-2 text-sm text-slate-600" data-testid="health-unavailable">
          The server&apos;s metrics did not arrive in time; reload to try again.
        </p>
      ) : (
        <>
          <p className="mt-2 text-sm" data-testid="error-rate">
            {numbers.requests === null ? (
              "Requests are counted by the production server (npm start) only."
            ) : numbers.requests === 0 || numbers.errorRate === null ? (
              "No requests in the last hour."
            ) : (
              <>
                <span className={`font-semibold ${numbers.serverErrors > 0 ? "text-red-700" : ""}`}>
                  {share(numbers.errorRate)}
                </span>{" "}
                of requests failed with a server error in the last hour ({format.number(numbers.serverErrors)} of{" "}
                {format.number(numbers.requests)}).
              </>
            )}
          </p>
          <dl className="mt-2 grid grid-cols-2 gap-2 text-center text-sm">
            <Figure
              label="Failed runs, last hour"
              value={format.number(numbers.runsFailed)}
              alert={numbers.runsFailed > 0}
              testId="runs-failed-hour"
            />
            <Figure label="Jobs due" value={format.number(numbers.queueDepth)} testId="queue-depth" />
            <Figure label="Oldest due job" value={seconds(numbers.oldestWaitingSeconds)} testId="queue-oldest" />
            <Figure label="Outbox lag" value={seconds(numbers.outboxLagSeconds)} testId="outbox-lag" />
          </dl>
        </>
      )}
    </section>
  );
}
