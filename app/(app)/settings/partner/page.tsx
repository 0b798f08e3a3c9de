import type { Metadata } from "next";
import { ChoosePartner } from "@/components/choose-partner";
import { TimeZoneForm } from "@/components/partners/time-zone-form";
import { TimeZoneOptions } from "@/components/partners/time-zones";
import { PageHeader } from "@/components/ui/page-header";
import { partnerScope } from "@/lib/auth/actor";
import { orNotFound, requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { getPartner } from "@/lib/partners/get-partner";
import { listPartners } from "@/lib/partners/list-partners";
import { setPartnerTimeZoneAction } from "./actions";

export const metadata: Metadata = { title: "Partner settings" };

export default async function PartnerSettingsPage({ searchParams }: { searchParams: Promise<{ partnerId?: string }> }) {
  const requested = (await searchParams).partnerId;
  const actor = await requireActor(PAGES.partnerSettings);
  // Partners open their own settings; admins pick a partner.
  const partnerId = partnerScope(actor) ?? requested;
  if (!partnerId) {
    const partners = await listPartners({ actor });
    return (
      <ChoosePartner
        title="Partner settings"
        action={PAGES.partnerSettings.href}
        submitLabel="Show settings"
        partners={partners}
      />
    );
  }
  const partner = await orNotFound(getPartner({ actor, id: partnerId }));
  return (
    <>
      <PageHeader
        title="Partner settings"
        back={partnerScope(actor) ? undefined : { href: PAGES.partnerSettings.href, label: "Choose another partner" }}
        description={`For ${partner.name}.`}
      />
      <section aria-labelledby="time-zone-heading" className="card grid gap-3">
        <h2 id="time-zone-heading" className="section-title">
          Time zone
        </h2>
        <p className="text-sm text-slate-600">
          The new delivery form takes pickup and drop-off windows in this zone, and every page shows them in it.
        </p>
        <TimeZoneOptions />
        <TimeZoneForm
          partnerId={partner.id}
          partnerName={partner.name}
          current={partner.timeZone}
          action={setPartnerTimeZoneAction}
        />
      </section>
    </>
  );
}
