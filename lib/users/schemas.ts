import { z } from "zod";

export const PASSWORD_MIN = 8;

const email = z.string().trim().toLowerCase().pipe(z.email("Not a valid email address"));
const password = z.string().min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`).max(200);
const name = z.string().trim().max(120, "At most 120 characters").optional();

export const createUserSchema = z
  .strictObject({ email, password, role: z.enum(["ADMIN", "PARTNER"]), partnerId: z.uuid().optional(), name })
  .refine((u) => (u.role === "PARTNER") === !!u.partnerId, {
    message: "A PARTNER user needs a partner; an ADMIN has none",
    path: ["partnerId"],
  });

export type CreateUserInput = z.infer<typeof createUserSchema>;

/** The admin form "add a user to this partner": the role follows from the partner. */
export const createPartnerUserSchema = z.strictObject({ partnerId: z.uuid(), email, password, name });

/** Turning an account (user or partner) off or on again. */
export const setActiveSchema = z.strictObject({
  id: z.uuid(),
  active: z.stringbool(),
});

export type SetActiveInput = z.infer<typeof setActiveSchema>;
