import bcrypt from "bcryptjs";
import { AppError } from "@/lib/core/errors";
import { fitsPasswordHash, PASSWORD_MAX_BYTES } from "@/lib/users/schemas";

const COST = 12;

/** Refuses what bcrypt would silently cut short, whoever forgot to validate first. */
export async function hashPassword(password: string): Promise<string> {
  if (!fitsPasswordHash(password)) {
    throw new AppError("validation_failed", "The password is too long.", {
      errors: [{ path: "password", message: `At most ${PASSWORD_MAX_BYTES} bytes` }],
    });
  }
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the email is unknown, so both paths cost the same time.
export const DUMMY_HASH = "$2b$12$XzItA1MGgaTt8D6PJBoxbOXDIAXeB/t7jCGSaDJmuB0VTRtsV3tyG";
