import bcrypt from "bcryptjs";

const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the email is unknown, so both paths cost the same time.
export const DUMMY_HASH = "$2b$12$XzItA1MGgaTt8D6PJBoxbOXDIAXeB/t7jCGSaDJmuB0VTRtsV3tyG";
