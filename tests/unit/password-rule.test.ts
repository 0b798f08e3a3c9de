// bcrypt reads 72 bytes of a password and silently ignores the rest: the one password
// schema refuses longer ones, counted in UTF-8 bytes, and hashing refuses them as a last guard.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import { hashPassword } from "@/lib/auth/passwords";
import { createPartnerUserSchema, createUserSchema, passwordSchema } from "@/lib/users/schemas";

const message = (value: string) => passwordSchema.safeParse(value).error?.issues.map((i) => i.message);

describe("the password rule", () => {
  it("accepts 72 bytes and refuses 73, counting bytes rather than characters", () => {
    expect(passwordSchema.safeParse("a".repeat(72)).success).toBe(true);
    expect(message("a".repeat(73))).toEqual([expect.stringMatching(/^At most 72 bytes/)]);
    expect(passwordSchema.safeParse("é".repeat(36)).success).toBe(true); // 72 bytes
    expect(message("é".repeat(37))).toEqual([expect.stringMatching(/^At most 72 bytes/)]); // 37 chars, 74 bytes
    expect(message("🔑".repeat(19))).toEqual([expect.stringMatching(/^At most 72 bytes/)]); // 76 bytes
  });

  it("is the rule of every schema that sets a password", () => {
    const long = "x".repeat(73);
    const partnerId = "0b7e7f9c-4a55-4c1e-9a51-5a0d8f1f2a10";
    expect(createUserSchema.safeParse({ email: "a@b.example", password: long, role: "ADMIN" }).success).toBe(false);
    expect(createPartnerUserSchema.safeParse({ email: "a@b.example", password: long, partnerId }).success).toBe(false);
  });

  it("refuses to hash what bcrypt would cut short", async () => {
    await expect(hashPassword("x".repeat(73))).rejects.toBeInstanceOf(AppError);
    await expect(hashPassword("x".repeat(73))).rejects.toMatchObject({ status: 400 });
  });
});
