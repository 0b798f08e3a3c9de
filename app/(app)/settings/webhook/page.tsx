import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/api/errors";
import { sessionActor } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { getWebhookSettings } from "@/lib/webhooks/manage-endpoint";
import { countMissedWebhookEvents } from "@/lib/webhooks/replay-missed";
import { WebhookForm } from "./webhook-form";

export const metadata: Metadata = { title: "Webhook" };
export const dynamic = "force-dynamic";

// /settings/webhook – the partner's endpoint, signing secret, test event and recent attempts.
// Admins open it for one partner with ?partnerId=<id>.
export default async function WebhookSettingsPage({ searchParams }: { searchParams: Promise<{ partnerId?: string }> }) {
  const actor = await sessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/settings/webhook");
  if (!can(actor, "webhooks.manage")) notFound();
  const { partnerId } = await searchParams;
  const settings = await getWebhookSettings({ actor, partnerId }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const { partner, endpoint, attempts, maxFailures } = settings;
  const missed = endpoint?.enabled ? await countMissedWebhookEvents(endpoint) : 0;
  return (
    <div className="grid gap-4">
      <h1>Webhook for {partner.name}</h1>
      <p className="muted">
        We POST every change of your deliveries to this URL, signed with <code>Webhook-Signature: t=…,v1=…</code> (see
        the API documentation for how to verify it). After {maxFailures} consecutive failures the endpoint is disabled.
      </p>
      {endpoint && (
        <p data-testid="webhook-state">
          {endpoint.enabled
            ? `Enabled${endpoint.failureCount ? ` — ${endpoint.failureCount} consecutive failure(s)` : ""}.`
            : `Disabled since ${endpoint.disabledAt?.toISOString() ?? "?"} after repeated failures. Save the URL to enable it again; the events it misses meanwhile can then be replayed.`}
        </p>
      )}
      <WebhookForm
        partnerId={actor.role === "ADMIN" ? partner.id : undefined}
        url={endpoint?.url ?? ""}
        hasEndpoint={!!endpoint}
        missed={missed}
      />
      <h2>Recent attempts</h2>
      {attempts.length === 0 ? (
        <p className="muted">No attempts yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Event</th>
              <th scope="col">Attempt</th>
              <th scope="col">Status</th>
              <th scope="col">Duration</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((a) => (
              <tr key={a.id}>
                <td>
                  <time dateTime={a.createdAt.toISOString()}>
                    {a.createdAt.toISOString().replace("T", " ").slice(0, 19)}
                  </time>
                </td>
                <td>{a.eventType}</td>
                <td>{a.attempt}</td>
                <td>{a.responseStatus ?? "—"}</td>
                <td>{a.durationMs} ms</td>
                <td>{a.error ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
