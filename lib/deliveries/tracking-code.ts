import { randomInt } from "node:crypto";

// No 0/O, 1/I/L: codes are read aloud and typed from paper.
export const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function newTrackingCode(): string {
  let code = "DLV-";
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** What newTrackingCode() writes: anything else cannot be a tracking code, so it is not looked up. */
export const TRACKING_CODE_PATTERN = /^DLV-[2-9A-HJKMNP-Z]{8}$/;

/**
 * A code as people type it — any case, with spaces or dashes, with or without its `DLV` — in the
 * form newTrackingCode() writes. Text that cannot be a code comes back trimmed and upper-cased, so
 * the page that says "not found" can show what was typed.
 */
export function normalizeTrackingCode(typed: string): string {
  const upper = typed.trim().toUpperCase();
  const compact = upper.replace(/[\s-]+/g, "");
  // The alphabet has no L, so a leading "DLV" is always the prefix, never part of the code.
  const code = `DLV-${compact.startsWith("DLV") ? compact.slice(3) : compact}`;
  return TRACKING_CODE_PATTERN.test(code) ? code : upper;
}
