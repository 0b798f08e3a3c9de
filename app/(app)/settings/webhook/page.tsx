import type { Metadata } from "next";
import { PartnerPicker } from "@/components/partner-picker";
import { partnerScope } from "@/lib/auth/actor";
import { orNotFound, requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { listPartners } from "@/lib/partners/list-partners";
import { getWebhookSettings } from "@/lib/webhooks/manage-endpoint";
import { countMissedWebhookEvents } from "@/lib/webhooks/replay-missed";
import { WebhookForm } from "./webhook-form";

export const metadata: Metadata = { title: "Webhook" };
export const dynamic = "force-dynamic";

// /settings/webhook – the partner's endpoint, signing secret, test event and recent attempts.
// Admins pick a partner first, then see its endpoint (?partnerId=<id>), as on /settings/api-keys.
export default async function WebhookSettingsPage({ searchParams }: { searchParams: Promise<{ partnerId?: string }> }) {
  const actor = await requireActor(PAGES.webhook);
  const { partnerId } = await searchParams;
  if (!partnerScope(actor) && !partnerId) {
    const partners = await listPartners({ actor });
    return <PartnerPicker title="Webhook" action={PAGES.webhook.href} submitLabel="Show webhook" partners={partners} />;
  }
  const settings = await orNotFound(getWebhookSettings({ actor, input: { partnerId } }));
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
      <WebhookForm partnerId={partner.id} url={endpoint?.url ?? ""} hasEndpoint={!!endpoint} missed={missed} />
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
