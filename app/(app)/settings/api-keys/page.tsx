import type { Metadata } from "next";
import Link from "next/link";
import { ChoosePartner } from "@/components/choose-partner";
import { DataList } from "@/components/ui/data-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { partnerScope } from "@/lib/auth/actor";
import { listApiKeys } from "@/lib/auth/api-keys";
import { orNotFound, requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { getFormatter } from "@/lib/format-request";
import { getPartner } from "@/lib/partners/get-partner";
import { listPartners } from "@/lib/partners/list-partners";
import { CreateApiKeyForm, RevokeKeyButton } from "./api-key-forms";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<{ partnerId?: string }> }) {
  const requested = (await searchParams).partnerId;
  const actor = await requireActor(PAGES.apiKeys);
  // Partners manage their own keys; admins pick a partner.
  const partnerId = partnerScope(actor) ?? requested;
  if (!partnerId) {
    const partners = await listPartners({ actor });
    return <ChoosePartner title="API keys" action={PAGES.apiKeys.href} submitLabel="Show keys" partners={partners} />;
  }
  const partner = await orNotFound(getPartner({ actor, id: partnerId }));
  const [keys, format] = await Promise.all([listApiKeys({ actor, input: { partnerId: partner.id } }), getFormatter()]);

  return (
    <>
      <PageHeader
        title="API keys"
        back={partnerScope(actor) ? undefined : { href: PAGES.apiKeys.href, label: "Choose another partner" }}
        description={
          <>
            For {partner.name}. Send a key as <code className="font-mono">Authorization: Bearer &lt;secret&gt;</code>;
            see the {/* A route handler, not a page: the router finds no page there and loads it in full. */}
            <Link href="/api/v1/docs" prefetch={false} className="link">
              API documentation
            </Link>
            .
          </>
        }
      />
      <div className="grid gap-6">
        <section aria-labelledby="new-key" className="card">
          <h2 id="new-key" className="mb-3 text-base font-semibold">
            New key
          </h2>
          <CreateApiKeyForm partnerId={partner.id} />
        </section>
        <section aria-labelledby="keys-heading" className="grid gap-3">
          <h2 id="keys-heading" className="text-base font-semibold">
            Keys
          </h2>
          {keys.length === 0 ? (
            <EmptyState title="No keys yet" description="Create one above for each system that calls the API." />
          ) : (
            <DataList
              testId="keys-table"
              caption={`API keys of ${partner.name}`}
              rows={keys}
              rowKey={(k) => k.id}
              rowTestId={(k) => `key-${k.prefix}`}
              columns={[
                { key: "name", header: "Name", cell: (k) => <span className="font-medium">{k.name}</span> },
                {
                  key: "key",
                  header: "Key",
                  cell: (k) => <span className="whitespace-nowrap font-mono">{k.prefix}…</span>,
                },
                { key: "created", header: "Created", cell: (k) => format.dateTime(k.createdAt) },
                {
                  key: "used",
                  header: "Last used",
                  cell: (k) => (k.lastUsedAt ? format.dateTime(k.lastUsedAt) : "never"),
                },
                {
                  key: "actions",
                  header: "Status",
                  srOnlyHeader: true,
                  align: "end",
                  cell: (k) =>
                    k.revokedAt ? (
                      <span className="text-slate-600">Revoked {format.dateTime(k.revokedAt)}</span>
                    ) : (
                      <RevokeKeyButton id={k.id} label={`${k.name} (${k.prefix}…)`} />
                    ),
                },
              ]}
            />
          )}
        </section>
      </div>
    </>
  );
}
