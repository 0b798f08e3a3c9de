import { PartnerSelect } from "@/components/partner-select";

/** What an admin sees first on a per-partner settings page: which partner's settings to open. */
export function PartnerPicker({
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
    <div className="grid gap-4">
      <h1 className="page-title">{title}</h1>
      <form action={action} className="card flex flex-wrap items-end gap-3" data-testid="partner-picker">
        <PartnerSelect partners={partners} />
        <button type="submit" className="btn btn-primary">
          {submitLabel}
        </button>
      </form>
    </div>
  );
}
