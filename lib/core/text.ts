// What counts as text: decided here, once, for every schema, query value, path segment and CSV cell.
// PostgreSQL refuses NUL in text outright (a 500 if it gets that far), and other control
// characters are never typed by people: they corrupt logs, CSV files and terminals.
import { z } from "zod";

/** Controls anywhere: C0 except tab, line feed and carriage return, DEL, and C1. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** On one line (names, references, search terms) tab and line breaks are controls too. */
const CONTROL_ON_ONE_LINE = /[\u0000-\u001F\u007F-\u009F]/;

export const CONTROL_MESSAGE = "Must not contain NUL or other control characters";
export const CONTROL_ON_ONE_LINE_MESSAGE = "Must be one line without control characters";

export const hasControlChars = (value: string) => CONTROL.test(value);
export const isOneLine = (value: string) => !CONTROL_ON_ONE_LINE.test(value);

/** Trimmed text that may hold tabs and line breaks (notes, addresses pasted from a spreadsheet). */
export const text = () =>
  z
    .string()
    .trim()
    .refine((v) => !hasControlChars(v), CONTROL_MESSAGE);

/** Trimmed text on one line: emails, phone numbers, search terms, identifiers. */
export const lineText = () => z.string().trim().refine(isOneLine, CONTROL_ON_ONE_LINE_MESSAGE);

/**
 * The path of the first string in `value` (an object, array or string, as parsed from JSON, a
 * query, a form or a CSV row) that holds a control character, or null. Keys are checked too: a
 * key is echoed back in errors and may reach a query.
 */
export function findControlChars(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === "string") return hasControlChars(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findControlChars(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      if (hasControlChars(key)) return [...path, key];
      const found = findControlChars(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
