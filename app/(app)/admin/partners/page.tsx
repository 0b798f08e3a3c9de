import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { DataList } from "@/components/ui/data-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { getFormatter } from "@/lib/format-request";
import { listPartners } from "@/lib/partners/list-partners";
import { listCouriers } from "@/lib/users/list-couriers";
import { listUsers } from "@/lib/users/list-users";
import { TimeZoneForm } from "@/components/partners/time-zone-form";
import { TimeZoneOptions } from "@/components/partners/time-zones";
import { setPartnerTimeZoneAction } from "../../settings/partner/actions";
import { CreateCourierForm, ProofSettingForm } from "./courier-forms";
import { ActiveToggle, CreatePartnerForm, CreateUserForm } from "./partner-forms";

export const metadata: Metadata = { title: "Partners" };

function ActiveBadge({ active }: { active: boolean }) {
  return active ? null : (
    <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">Deactivated</span>
  );
}

export default async function PartnersPage() {
  const actor = await requireActor(PAGES.partners);
  const [partners, users, couriers, format] = await Promise.all([
    listPartners({ actor }),
    listUsers({ actor }),
    listCouriers({ actor }),
    getFormatter(),
  ]);
  return (
    <>
      <PageHeader
        title="Partners"
        description="The businesses that hand us deliveries, and the people who sign in for them."
      />
      <div className="grid gap-6">
        <section aria-labelledby="new-partner" className="card">
          <h2 id="new-partner" className="section-title mb-3">
            New partner
          </h2>
          <CreatePartnerForm />
        </section>
        <section aria-labelledby="couriers-heading" className="card grid gap-3" data-testid="couriers">
          <h2 id="couriers-heading" className="section-title">
            Couriers
          </h2>
          <ul className="divide-y divide-slate-100 text-sm">
            {couriers.length === 0 && <li className="py-2 text-slate-600">No couriers yet.</li>}
            {couriers.map((u) => (
              <li key={u.id} className="flex flex-wrap items-center gap-3 py-2" data-testid={`user-${u.email}`}>
                <span className="min-w-0 break-all">
                  {u.name ? `${u.name} · ` : ""}
                  {u.email} <ActiveBadge active={u.active} />
                </span>
                <span className="ml-auto">
                  <ActiveToggle kind="user" id={u.id} label={u.email} active={u.active} />
                </span>
              </li>
            ))}
          </ul>
          <CreateCourierForm />
        </section>
        <TimeZoneOptions />
        {partners.length === 0 && <EmptyState title="No partners yet" description="Create the first one above." />}
        <ul className="grid gap-4">
          {partners.map((p) => {
            const members = users.filter((u) => u.partnerId === p.id);
            return (
              <li key={p.id} className="card grid gap-4" data-testid={`partner-${p.slug}`}>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="grid min-w-0 gap-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <h2 className="break-words text-lg font-semibold">{p.name}</h2>
                      <span className="font-mono text-xs text-slate-600">{p.slug}</span>
                      <ActiveBadge active={p.active} />
                    </div>
                    <p className="break-words text-sm text-slate-600">
                      {p.contactEmail ?? "No contact email"} · since {format.date(p.createdAt)}
                    </p>
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <ButtonLink href={`/deliveries?partnerId=${p.id}`} size="sm">
                      Deliveries<span className="sr-only"> of {p.name}</span>
                    </ButtonLink>
                    <ButtonLink href={`/settings/api-keys?partnerId=${p.id}`} size="sm">
                      API keys<span className="sr-only"> of {p.name}</span>
                    </ButtonLink>
                    <ActiveToggle kind="partner" id={p.id} label={p.name} active={p.active} />
                  </div>
                </div>
                {members.length === 0 ? (
                  <p className="text-sm text-slate-600">No users yet.</p>
                ) : (
                  <DataList
                    caption={`Users of ${p.name}`}
                    rows={members}
                    rowKey={(u) => u.id}
                    rowTestId={(u) => `user-${u.email}`}
                    columns={[
                      {
                        key: "user",
                        header: "User",
                        cell: (u) => (
                          <>
                            {u.name ? `${u.name} · ` : ""}
                            <span className="break-all">{u.email}</span> <ActiveBadge active={u.active} />
                          </>
                        ),
                      },
                      {
                        key: "signin",
                        header: "Last sign-in",
                        cell: (u) => (u.lastSignInAt ? format.dateTime(u.lastSignInAt) : "never"),
                      },
                      {
                        key: "actions",
                        header: "Actions",
                        srOnlyHeader: true,
                        align: "end",
                        cell: (u) => <ActiveToggle kind="user" id={u.id} label={u.email} active={u.active} />,
                      },
                    ]}
                  />
                )}
                <CreateUserForm partnerId={p.id} partnerName={p.name} />
                <div className="flex flex-wrap items-end gap-x-8 gap-y-4">
                  <ProofSettingForm partnerId={p.id} partnerName={p.name} current={p.proofOfDelivery} />
                  <TimeZoneForm
                    partnerId={p.id}
                    partnerName={p.name}
                    current={p.timeZone}
                    action={setPartnerTimeZoneAction}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </>
  );
}
