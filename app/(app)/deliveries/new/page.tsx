import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getFormatter } from "@/lib/format-request";
import { requireActor } from "@/lib/auth/page-guard";
import { PAGES } from "@/lib/auth/pages";
import { can } from "@/lib/auth/permissions";
import { getPartner } from "@/lib/partners/get-partner";
import { listPartners } from "@/lib/partners/list-partners";
import { idempotencyKeySchema, todayUtc } from "@/lib/deliveries/schemas";
import { DeliveryForm } from "./delivery-form";

export const metadata: Metadata = { title: "New delivery" };

export default async function NewDeliveryPage({ searchParams }: { searchParams: Promise<{ key?: string }> }) {
  const { key } = await searchParams;
  const actor = await requireActor(PAGES.newDelivery);
  // Each fresh form gets its idempotency key in the URL. Going back to the form returns to the same
  // URL, hence the same key, so resubmitting replays the first delivery instead of making a second;
  // "New delivery" links start without a key and so make a new one.
  if (!key || !idempotencyKeySchema.safeParse(key).success) redirect(`/deliveries/new?key=${randomUUID()}`);
  const minDate = todayUtc();
  // Staff create for a partner they pick (the same form and use case; recorded as created by them).
  // Windows are entered in the partner's time zone: the caller's own, or the picked partner's.
  const [format, partners, own] = await Promise.all([
    getFormatter(),
    can(actor, "deliveries.createOnBehalf") ? listPartners({ actor }) : null,
    actor.partnerId ? getPartner({ actor, id: actor.partnerId }) : null,
  ]);
  return (
    <>
      <PageHeader
        title="New delivery"
        description="Fields marked * are required. We answer with a tracking code at once."
        back={{ href: "/deliveries", label: "All deliveries" }}
      />
      <DeliveryForm
        idempotencyKey={key}
        minDate={minDate}
        minDateLabel={format.calendarDate(minDate)}
        partners={partners
          ?.filter((p) => p.active)
          .map(({ id, name, slug, timeZone }) => ({ id, name, slug, timeZone }))}
        timeZone={own?.timeZone}
      />
    </>
  );
}
