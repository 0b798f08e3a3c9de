import type { Metadata } from "next";
import { PartnerPicker } from "@/components/partner-picker";
import { partnerScope } from "@/lib/auth/actor";
import { listApiKeys } from "@/lib/auth/api-keys";
import { orNotFound, requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { getPartner } from "@/lib/partners/get-partner";
import { listPartners } from "@/lib/partners/list-partners";
import { CreateApiKeyForm, RevokeKeyButton } from "./api-key-forms";

export const metadata: Metadata = { title: "API keys" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<{ partnerId?: string }> }) {
  const requested = (await searchParams).partnerId;
  const actor = await requireActor(PAGES.apiKeys);
  // Partners manage their own keys; admins pick a partner.
  const partnerId = partnerScope(actor) ?? requested;
  if (!partnerId) {
    const partners = await listPartners({ actor });
    return <PartnerPicker title="API keys" action={PAGES.apiKeys.href} submitLabel="Show keys" partners={partners} />;
  }
  const partner = await orNotFound(getPartner({ actor, id: partnerId }));
  const keys = await listApiKeys({ actor, input: { partnerId: partner.id } });

  return (
    <div className="grid gap-6">
      <div>
        <h1 className="page-title">API keys</h1>
        <p className="mt-1 text-sm text-slate-600">
          For {partner.name}. Send a key as <code className="font-mono">Authorization: Bearer &lt;secret&gt;</code>; see
          the {/* A route handler, not a page: a full page load is right here. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/api/v1/docs" className="link">
            API documentation
          </a>
          .
        </p>
      </div>
      <section aria-labelledby="new-key" className="card">
        <h2 id="new-key" className="mb-3 text-base font-semibold">
          New key
        </h2>
        <CreateApiKeyForm partnerId={partner.id} />
      </section>
      <section aria-labelledby="keys-heading" className="card overflow-x-auto">
        <h2 id="keys-heading" className="mb-3 text-base font-semibold">
          Keys
        </h2>
        {keys.length === 0 ? (
          <p className="text-sm text-slate-600">No keys yet.</p>
        ) : (
          <table className="min-w-full text-sm" data-testid="keys-table">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Name
                </th>
                <th scope="col" className="py-1 pr-3">
                  Key
                </th>
                <th scope="col" className="py-1 pr-3">
                  Created
                </th>
                <th scope="col" className="py-1 pr-3">
                  Last used
                </th>
                <th scope="col" className="py-1">
                  <span className="sr-only">Status</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((k) => (
                <tr key={k.id} data-testid={`key-${k.prefix}`}>
                  <td className="py-2 pr-3 font-medium">{k.name}</td>
                  <td className="py-2 pr-3 font-mono">{k.prefix}…</td>
                  <td className="py-2 pr-3">{when.format(k.createdAt)}</td>
                  <td className="py-2 pr-3">{k.lastUsedAt ? when.format(k.lastUsedAt) : "never"}</td>
                  <td className="py-2 text-right">
                    {k.revokedAt ? (
                      <span className="text-slate-600">Revoked {when.format(k.revokedAt)}</span>
                    ) : (
                      <RevokeKeyButton id={k.id} label={`${k.name} (${k.prefix}…)`} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
