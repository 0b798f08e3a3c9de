import { z } from "zod";

export const PASSWORD_MIN = 8;

export const createUserSchema = z
  .strictObject({
    email: z.string().trim().toLowerCase().pipe(z.email("Not a valid email address")),
    password: z.string().min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`).max(200),
    role: z.enum(["ADMIN", "PARTNER"]),
    partnerId: z.uuid().optional(),
    name: z.string().trim().max(120).optional(),
  })
  .refine((u) => (u.role === "PARTNER") === !!u.partnerId, {
    message: "A PARTNER user needs a partner; an ADMIN has none",
    path: ["partnerId"],
  });

export type CreateUserInput = z.infer<typeof createUserSchema>;
