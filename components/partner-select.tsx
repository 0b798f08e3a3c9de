// The partner picker of admin views (deliveries filter, API keys): a labelled native select,
// each partner shown with its slug.
export function PartnerSelect({
  partners,
  defaultValue,
  allLabel,
}: {
  partners: { id: string; name: string; slug: string }[];
  defaultValue?: string;
  /** When given, an empty first option with this label (no partner filter). */
  allLabel?: string;
}) {
  return (
    <div>
      <label htmlFor="partnerId" className="label">
        Partner
      </label>
      <select id="partnerId" name="partnerId" defaultValue={defaultValue} className="input mt-1">
        {allLabel && <option value="">{allLabel}</option>}
        {partners.map((p) => (
          <option key={p.id} value={p.id}>
            {/* The slug tells apart names that look alike. */}
            {p.name} ({p.slug})
          </option>
        ))}
      </select>
    </div>
  );
}
