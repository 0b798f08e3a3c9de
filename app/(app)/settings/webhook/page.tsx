import type { Metadata } from "next";
import { ChoosePartner } from "@/components/choose-partner";
import { Notice } from "@/components/notice";
import { DataList } from "@/components/ui/data-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { partnerScope } from "@/lib/auth/actor";
import { orNotFound, requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { env } from "@/lib/env";
import { getFormatter } from "@/lib/format-request";
import { getPartner } from "@/lib/partners/get-partner";
import { listPartners } from "@/lib/partners/list-partners";
import { listWebhookMessages, type WebhookMessageList } from "@/lib/webhooks/list-messages";
import { listWebhookEndpoints } from "@/lib/webhooks/manage-endpoint";
import { countMissedWebhookEvents } from "@/lib/webhooks/replay-missed";
import { MAX_ENDPOINTS_PER_PARTNER } from "@/lib/webhooks/schemas";
import { AddEndpointForm, EndpointForm, ResendButton } from "./endpoint-forms";

export const metadata: Metadata = { title: "Webhook" };
export const dynamic = "force-dynamic";

/** How many of each endpoint's latest messages the page shows (the API pages through all). */
const MESSAGES_SHOWN = 10;

// /settings/webhook – the partner's endpoints, their subscriptions, secrets, test events and the
// latest messages with every attempt. Admins pick a partner first (?partnerId=<id>), as on
// /settings/api-keys.
export default async function WebhookSettingsPage({ searchParams }: { searchParams: Promise<{ partnerId?: string }> }) {
  const actor = await requireActor(PAGES.webhook);
  const { partnerId } = await searchParams;
  if (!partnerScope(actor) && !partnerId) {
    const partners = await listPartners({ actor });
    return <ChoosePartner title="Webhook" action={PAGES.webhook.href} submitLabel="Show webhook" partners={partners} />;
  }
  const endpoints = await orNotFound(listWebhookEndpoints({ actor, input: { partnerId } }));
  const partner = partnerScope(actor) ?? partnerId!;
  const [details, format, { name }] = await Promise.all([
    Promise.all(
      endpoints.map(async (endpoint) => ({
        endpoint,
        missed: endpoint.enabled ? await countMissedWebhookEvents(endpoint) : 0,
        messages: await listWebhookMessages({ actor, id: endpoint.id, query: { limit: MESSAGES_SHOWN } }),
      })),
    ),
    getFormatter(),
    getPartner({ actor, id: partner }),
  ]);
  return (
    <>
      <PageHeader
        title="Webhook"
        back={partnerScope(actor) ? undefined : { href: PAGES.webhook.href, label: "Choose another partner" }}
        description={
          <>
            For {name}. We POST the changes of your deliveries to each endpoint subscribed to their type, signed as
            Standard Webhooks (<code className="font-mono">webhook-id</code>,{" "}
            <code className="font-mono">webhook-timestamp</code>, <code className="font-mono">webhook-signature</code>).
            After {env().WEBHOOK_MAX_FAILURES} consecutive failures an endpoint is disabled. Up to{" "}
            {MAX_ENDPOINTS_PER_PARTNER} endpoints.
          </>
        }
      />
      <div className="grid gap-6">
        {details.length === 0 && (
          <EmptyState title="No endpoints yet" description="Add the URL of your system to receive delivery events." />
        )}
        {details.map(({ endpoint, missed, messages }) => (
          <section
            key={endpoint.id}
            aria-label={`Endpoint ${endpoint.url}`}
            className="card grid gap-4"
            data-testid="webhook-endpoint"
          >
            <Notice tone={endpoint.enabled ? (endpoint.failureCount ? "warning" : "success") : "error"}>
              <span data-testid="webhook-state">
                {endpoint.enabled
                  ? `Enabled${endpoint.failureCount ? `, ${format.number(endpoint.failureCount)} consecutive failure(s)` : ""}.`
                  : `Disabled since ${endpoint.disabledAt ? format.dateTime(endpoint.disabledAt) : "an unknown time"}. Save it to enable it again; the events it misses meanwhile can then be replayed.`}
              </span>
            </Notice>
            <EndpointForm
              partnerId={partner}
              endpoint={{
                id: endpoint.id,
                url: endpoint.url,
                description: endpoint.description,
                events: endpoint.events,
                enabled: endpoint.enabled,
              }}
              missed={missed}
            />
            <MessageLog partnerId={partner} endpointId={endpoint.id} messages={messages} format={format} />
          </section>
        ))}
        <AddEndpointForm partnerId={partner} full={endpoints.length >= MAX_ENDPOINTS_PER_PARTNER} />
      </div>
    </>
  );
}

function MessageLog({
  partnerId,
  endpointId,
  messages,
  format,
}: {
  partnerId: string;
  endpointId: string;
  messages: WebhookMessageList;
  format: Awaited<ReturnType<typeof getFormatter>>;
}) {
  const headingId = `messages-${endpointId}`;
  return (
    <section aria-labelledby={headingId} className="grid gap-3">
      <h3 id={headingId} className="text-sm font-semibold">
        Latest messages
      </h3>
      {messages.data.length === 0 ? (
        <EmptyState title="No messages yet" description="Send a test event to see how your endpoint answers." />
      ) : (
        <DataList
          caption="Latest webhook messages and their attempts"
          testId="webhook-messages"
          rows={messages.data}
          rowKey={(m) => m.id}
          columns={[
            {
              key: "when",
              header: "When",
              cell: (m) => <time dateTime={m.createdAt}>{format.dateTime(new Date(m.createdAt))}</time>,
            },
            { key: "event", header: "Event", cell: (m) => m.eventType },
            { key: "tracking", header: "Tracking code", cell: (m) => m.trackingCode ?? "—" },
            {
              key: "attempts",
              header: "Attempts",
              className: "md:max-w-xs",
              cell: (m) => (
                <ol className="grid gap-1" data-testid="webhook-attempts">
                  {m.attempts.map((a) => (
                    <li key={a.id}>
                      {format.number(a.attempt)}: {a.responseStatus ?? "no answer"}, {format.number(a.durationMs)} ms
                      {a.error ? ` (${a.error})` : ""}
                      {a.responseBody ? (
                        <details>
                          <summary className="cursor-pointer text-slate-600">Response</summary>
                          <pre className="whitespace-pre-wrap break-all font-mono text-xs">{a.responseBody}</pre>
                        </details>
                      ) : null}
                    </li>
                  ))}
                </ol>
              ),
            },
            {
              key: "payload",
              header: "Payload",
              cell: (m) => (
                <details>
                  <summary className="cursor-pointer">Show</summary>
                  <pre className="max-w-xs whitespace-pre-wrap break-all font-mono text-xs">
                    {JSON.stringify(m.payload, null, 2)}
                  </pre>
                </details>
              ),
            },
            {
              key: "actions",
              header: "Actions",
              srOnlyHeader: true,
              align: "end",
              cell: (m) => (
                <ResendButton
                  partnerId={partnerId}
                  endpointId={endpointId}
                  messageId={m.id}
                  label={`Resend ${m.eventType} of ${format.dateTime(new Date(m.createdAt))}`}
                />
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
