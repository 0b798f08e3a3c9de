// Unique columns decide races: concurrent creates of one email or one partner name never
// answer 500 — the unique index picks one winner and the use case turns the rest into a 409 (or,
// for partner slugs, into the next free slug).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import { db } from "@/lib/db";
import { createPartner } from "@/lib/partners/create-partner";
import { createUser } from "@/lib/users/create-user";
import { OPERATOR_ACTOR } from "@/lib/auth/actor";

const N = 6;

describe("createUser under concurrency", () => {
  it("creates one user for N concurrent creates of one email and refuses the rest with 409", async () => {
    const email = `race-${randomUUID().slice(0, 8)}@test.example`;
    const results = await Promise.allSettled(
      Array.from({ length: N }, () =>
        createUser({ actor: OPERATOR_ACTOR, input: { email, password: "correct-horse-battery", role: "ADMIN" } }),
      ),
    );
    const created = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(N - 1);
    for (const error of refused) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(409);
      expect((error as AppError).message).toBe(`A user with the email ${email} already exists.`);
    }
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses a later create of an existing email, whatever its case, with 409", async () => {
    const email = `again-${randomUUID().slice(0, 8)}@test.example`;
    await createUser({ actor: OPERATOR_ACTOR, input: { email, password: "correct-horse-battery", role: "ADMIN" } });
    await expect(
      createUser({
        actor: OPERATOR_ACTOR,
        input: { email: email.toUpperCase(), password: "correct-horse-battery", role: "ADMIN" },
      }),
    ).rejects.toMatchObject({ code: "conflict", status: 409 });
  });
});

describe("createPartner under concurrency", () => {
  it("gives N concurrent creates of names with one slug N partners with distinct slugs", async () => {
    // Names are unique, slugs are derived: "Race x", "Race-x", "Race_x"… all want race-x.
    const tag = randomUUID().slice(0, 8);
    const names = [" ", "-", "_", ".", "/", "+"].slice(0, N).map((separator) => `Race${separator}${tag}`);
    const partners = await Promise.all(names.map((name) => createPartner({ actor: OPERATOR_ACTOR, input: { name } })));
    const slugs = partners.map((p) => p.slug).sort();
    const base = `race-${tag}`;
    expect(new Set(slugs).size).toBe(N);
    expect(slugs).toEqual([base, ...Array.from({ length: N - 1 }, (_, i) => `${base}-${i + 2}`)].sort());
  });
});
