import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { listPartners } from "@/lib/partners/list-partners";
import { listCouriers } from "@/lib/users/list-couriers";
import { listUsers } from "@/lib/users/list-users";
import { CreateCourierForm, ProofSettingForm } from "./courier-forms";
import { ActiveToggle, CreatePartnerForm, CreateUserForm } from "./partner-forms";

export const metadata: Metadata = { title: "Partners" };

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

function ActiveBadge({ active }: { active: boolean }) {
  return active ? null : (
    <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">Deactivated</span>
  );
}

export default async function PartnersPage() {
  const actor = await requireActor(PAGES.partners);
  const [partners, users, couriers] = await Promise.all([
    listPartners({ actor }),
    listUsers({ actor }),
    listCouriers({ actor }),
  ]);
  return (
    <div className="grid gap-6">
      <h1 className="page-title">Partners</h1>
      <section aria-labelledby="new-partner" className="card">
        <h2 id="new-partner" className="mb-3 text-base font-semibold">
          New partner
        </h2>
        <CreatePartnerForm />
      </section>
      <section aria-labelledby="couriers-heading" className="card grid gap-3" data-testid="couriers">
        <h2 id="couriers-heading" className="text-base font-semibold">
          Couriers
        </h2>
        <ul className="divide-y divide-slate-100 text-sm">
          {couriers.length === 0 && <li className="py-2 text-slate-600">No couriers yet.</li>}
          {couriers.map((u) => (
            <li key={u.id} className="flex flex-wrap items-center gap-3 py-2" data-testid={`user-${u.email}`}>
              <span>
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
      {partners.length === 0 && <p className="text-slate-600">No partners yet.</p>}
      <ul className="grid gap-4">
        {partners.map((p) => {
          const members = users.filter((u) => u.partnerId === p.id);
          return (
            <li key={p.id} className="card grid gap-4" data-testid={`partner-${p.slug}`}>
              <div className="flex flex-wrap items-center gap-3">
                <h2 className="text-lg font-semibold">{p.name}</h2>
                <ActiveBadge active={p.active} />
                <span className="text-sm text-slate-600">
                  {p.contactEmail ?? "no contact email"} · since {date.format(p.createdAt)}
                </span>
                <div className="ml-auto flex gap-2">
                  <Link href={`/deliveries?partnerId=${p.id}`} className="btn btn-secondary">
                    Deliveries
                  </Link>
                  <Link href={`/settings/api-keys?partnerId=${p.id}`} className="btn btn-secondary">
                    API keys
                  </Link>
                  <ActiveToggle kind="partner" id={p.id} label={p.name} active={p.active} />
                </div>
              </div>
              <div className="overflow-x-auto">
                <table className="min-w-full text-sm">
                  <caption className="sr-only">Users of {p.name}</caption>
                  <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                    <tr>
                      <th scope="col" className="py-1 pr-3">
                        User
                      </th>
                      <th scope="col" className="py-1 pr-3">
                        Last sign-in
                      </th>
                      <th scope="col" className="py-1">
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {members.length === 0 && (
                      <tr>
                        <td colSpan={3} className="py-2 text-slate-600">
                          No users yet.
                        </td>
                      </tr>
                    )}
                    {members.map((u) => (
                      <tr key={u.id} data-testid={`user-${u.email}`}>
                        <td className="py-2 pr-3">
                          {u.name ? `${u.name} · ` : ""}
                          {u.email} <ActiveBadge active={u.active} />
                        </td>
                        <td className="py-2 pr-3 text-slate-600">
                          {u.lastSignInAt ? date.format(u.lastSignInAt) : "never"}
                        </td>
                        <td className="py-2 text-right">
                          <ActiveToggle kind="user" id={u.id} label={u.email} active={u.active} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <CreateUserForm partnerId={p.id} partnerName={p.name} />
              <ProofSettingForm partnerId={p.id} partnerName={p.name} current={p.proofOfDelivery} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
