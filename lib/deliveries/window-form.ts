// Delivery-window inputs of the web forms (new delivery, reschedule, re-attempt): two datetime-local
// fields per window, in the partner's time zone. The action reads them into the API's `{ from, to }`
// instants, and puts the window rules' messages (`dropoffWindow.to`) back beside the input they are about.
import { localToInstant } from "@/lib/deliveries/windows";

export const WINDOW_FIELDS = {
  pickupWindow: { from: "pickupWindowFrom", to: "pickupWindowTo" },
  dropoffWindow: { from: "dropoffWindowFrom", to: "dropoffWindowTo" },
} as const;

type WindowName = keyof typeof WINDOW_FIELDS;

/**
 * One window from the form: absent when both inputs are blank; otherwise each time as an instant,
 * a blank one left out and one that is no datetime-local value kept as typed (the schema names both).
 */
export function windowFromForm(
  values: Record<string, string | undefined>,
  name: WindowName,
  timeZone: string,
): { from?: string; to?: string } | undefined {
  const read = (field: string) => {
    const local = (values[field] ?? "").trim();
    if (local === "") return undefined;
    return localToInstant(local, timeZone)?.toISOString() ?? local;
  };
  const from = read(WINDOW_FIELDS[name].from);
  const to = read(WINDOW_FIELDS[name].to);
  if (from === undefined && to === undefined) return undefined;
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/** An error path of the create schema → the form field showing it. */
export function formFieldOf(path: string): string {
  const [first, second] = path.split(".");
  if (first in WINDOW_FIELDS) return WINDOW_FIELDS[first as WindowName][second === "to" ? "to" : "from"];
  return first;
}
