import { PartnerSelect } from "@/components/partner-select";
import { PageHeader } from "@/components/ui/page-header";
import { Button } from "@/components/ui/button";

/** What an admin sees first on a per-partner settings page: which partner's settings to open. */
export function ChoosePartner({
  title,
  action,
  submitLabel,
  partners,
}: {
  title: string;
  action: string;
  submitLabel: string;
  partners: { id: string; name: string; slug: string }[];
}) {
  return (
    <div>
      <PageHeader title={title} description="Settings are kept per partner: choose whose to open." />
      <form action={action} className="card flex flex-wrap items-end gap-3" data-testid="choose-partner">
        <PartnerSelect partners={partners} />
        <Button type="submit" variant="primary">
          {submitLabel}
        </Button>
      </form>
    </div>
  );
}
