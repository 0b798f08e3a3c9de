import type { Metadata } from "next";
import { ChoosePartner } from "@/components/choose-partner";
import { Notice } from "@/components/notice";
import { DataList } from "@/components/ui/data-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { partnerScope } from "@/lib/auth/actor";
import { orNotFound, requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { getFormatter } from "@/lib/format-request";
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
    return <ChoosePartner title="Webhook" action={PAGES.webhook.href} submitLabel="Show webhook" partners={partners} />;
  }
  const settings = await orNotFound(getWebhookSettings({ actor, input: { partnerId } }));
  const { partner, endpoint, attempts, maxFailures } = settings;
  const [missed, format] = await Promise.all([
    endpoint?.enabled ? countMissedWebhookEvents(endpoint) : 0,
    getFormatter(),
  ]);
  return (
    <>
      <PageHeader
        title="Webhook"
        back={partnerScope(actor) ? undefined : { href: PAGES.webhook.href, label: "Choose another partner" }}
        description={
          <>
            For {partner.name}. We POST every change of your deliveries to this URL, signed with{" "}
            <code className="font-mono">Webhook-Signature: t=…,v1=…</code> (the API documentation shows how to verify
            it). After {maxFailures} consecutive failures the endpoint is disabled.
          </>
        }
      />
      <div className="grid gap-6">
        {endpoint && (
          <Notice tone={endpoint.enabled ? (endpoint.failureCount ? "warning" : "success") : "error"}>
            <span data-testid="webhook-state">
              {endpoint.enabled
                ? `Enabled${endpoint.failureCount ? `, ${format.number(endpoint.failureCount)} consecutive failure(s)` : ""}.`
                : `Disabled since ${endpoint.disabledAt ? format.dateTime(endpoint.disabledAt) : "an unknown time"} after repeated failures. Save the URL to enable it again; the events it misses meanwhile can then be replayed.`}
            </span>
          </Notice>
        )}
        <WebhookForm partnerId={partner.id} url={endpoint?.url ?? ""} hasEndpoint={!!endpoint} missed={missed} />
        <section aria-labelledby="attempts-heading" className="grid gap-3">
          <h2 id="attempts-heading" className="text-base font-semibold">
            Recent attempts
          </h2>
          {attempts.length === 0 ? (
            <EmptyState title="No attempts yet" description="Send a test event to see how your endpoint answers." />
          ) : (
            <DataList
              caption="Recent webhook attempts"
              rows={attempts}
              rowKey={(a) => a.id}
              columns={[
                {
                  key: "when",
                  header: "When",
                  cell: (a) => <time dateTime={a.createdAt.toISOString()}>{format.dateTime(a.createdAt)}</time>,
                },
                { key: "event", header: "Event", cell: (a) => a.eventType },
                { key: "attempt", header: "Attempt", cell: (a) => format.number(a.attempt) },
                { key: "status", header: "Status", cell: (a) => a.responseStatus ?? "—" },
                { key: "duration", header: "Time", cell: (a) => `${format.number(a.durationMs)} ms` },
                { key: "error", header: "Error", cell: (a) => a.error ?? "—", className: "md:max-w-xs" },
              ]}
            />
          )}
        </section>
      </div>
    </>
  );
}
