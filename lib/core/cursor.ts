// The list cursor (DESIGN §6): opaque to clients, base64url of `[sortValue, id]` or
// `[sortValue, id, "before"]`. What comes back is whatever a client sent, so it is decoded and
// validated here — a uuid and an instant the database can hold — before any of it reaches a query.
import { z } from "zod";

/** Canonical ISO forms only (what writeCursor is given), from 1970 to 9999 (four-digit years). */
const instant = z
  .union([z.iso.datetime({ precision: 3 }), z.iso.date()])
  .refine((value) => value >= "1970-01-01", "Out of range")
  // A day that does not exist (2026-02-30) passes the pattern but not the calendar.
  .refine((value) => {
    const time = Date.parse(value);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value.slice(0, 10);
  }, "Not a date");

export const cursorSchema = z.union([z.tuple([instant, z.uuid()]), z.tuple([instant, z.uuid(), z.literal("before")])]);

export const CURSOR_MESSAGE = "Not a cursor returned by this API";

export interface Cursor {
  /** The last row's sort value: an ISO date-time (createdAt) or date (deliveryDate). */
  value: string;
  id: string;
  /** true: the rows before this one (a "previous page" link of the web table). */
  backwards: boolean;
}

export function writeCursor(value: string, id: string, backwards = false): string {
  const parts: string[] = backwards ? [value, id, "before"] : [value, id];
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

/** The cursor, or null for anything this API did not hand out. */
export function readCursor(text: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success) return null;
  const [value, id, direction] = parsed.data;
  return { value, id, backwards: direction === "before" };
}
