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
