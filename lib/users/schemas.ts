import { z } from "zod";
import { lineText, text } from "@/lib/core/text";

export const PASSWORD_MIN = 8;
/** bcrypt reads only the first 72 bytes of a password and ignores the rest without a word. */
export const PASSWORD_MAX_BYTES = 72;

/** UTF-8 length: `é` is 2 bytes, most emoji 4. */
export const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
export const fitsPasswordHash = (password: string) => utf8Bytes(password) <= PASSWORD_MAX_BYTES;

const email = lineText().trim().toLowerCase().pipe(z.email("Not a valid email address"));
/** The one password rule, for the CLI, the admin forms and every other way to set one. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`)
  .refine(
    fitsPasswordHash,
    `At most ${PASSWORD_MAX_BYTES} bytes (about ${PASSWORD_MAX_BYTES} letters, fewer with accents or emoji)`,
  );
const password = passwordSchema;
const name = text().trim().max(120, "At most 120 characters").optional();

/** Which account roles belong to a partner organisation: required for PARTNER, null for staff. */
const BELONGS_TO_PARTNER = { ADMIN: false, PARTNER: true, COURIER: false } as const;

export const USER_ROLES = ["ADMIN", "PARTNER", "COURIER"] as const;

export const createUserSchema = z
  .strictObject({ email, password, role: z.enum(USER_ROLES), partnerId: z.uuid().optional(), name })
  .refine((u) => BELONGS_TO_PARTNER[u.role] === !!u.partnerId, {
    message: "A PARTNER user needs a partner; an ADMIN or a COURIER has none",
    path: ["partnerId"],
  });

export type CreateUserInput = z.infer<typeof createUserSchema>;

/** The admin form "add a user to this partner": the role follows from the partner. */
export const createPartnerUserSchema = z.strictObject({ partnerId: z.uuid(), email, password, name });

/** The admin form "add a courier": staff without admin rights, no partner. */
export const createCourierSchema = z.strictObject({ email, password, name });

/** Turning an account (user or partner) off or on again. */
export const setActiveSchema = z.strictObject({
  id: z.uuid(),
  active: z.stringbool(),
});

export type SetActiveInput = z.infer<typeof setActiveSchema>;
