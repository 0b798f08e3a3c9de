/** The typed strings of a form, React's own `$ACTION_…` fields (and other `$` names) left out. */
export function formValues(form: FormData, omit: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries())
    if (!key.startsWith("$") && typeof value === "string" && !omit.includes(key)) values[key] = value;
  return values;
}
