// The labelled native select of partners in admin views (filters, settings, imports), each
// partner shown with its slug.
export function PartnerSelect({
  partners,
  defaultValue,
  allLabel,
  placeholder,
}: {
  partners: { id: string; name: string; slug: string }[];
  defaultValue?: string;
  /** When given, an empty first option with this label (no partner filter). */
  allLabel?: string;
  /** When given, a partner must be chosen: this label stands in until one is. */
  placeholder?: string;
}) {
  return (
    <div>
      <label htmlFor="partnerId" className="label">
        Partner
      </label>
      <select
        id="partnerId"
        name="partnerId"
        required={placeholder !== undefined}
        defaultValue={defaultValue ?? (placeholder === undefined ? undefined : "")}
        className="input mt-1"
      >
        {allLabel && <option value="">{allLabel}</option>}
        {placeholder && (
          <option value="" disabled>
            {placeholder}
          </option>
        )}
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
