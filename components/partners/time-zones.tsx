// The IANA time zones Intl knows, as one datalist per page: every time-zone field on the page
// points at it (`list`), so a page with many partners does not repeat the ~400 names.
export const TIME_ZONES_LIST_ID = "time-zone-names";

export function timeZoneNames(): string[] {
  const names = Intl.supportedValuesOf("timeZone");
  return names.includes("UTC") ? names : ["UTC", ...names];
}

export function TimeZoneOptions() {
  return (
    <datalist id={TIME_ZONES_LIST_ID} data-testid="time-zone-names">
      {timeZoneNames().map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
}
