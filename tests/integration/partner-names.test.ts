// Two partners never share a name, whatever its case, so pickers tell them apart.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { OPERATOR_ACTOR } from "@/lib/auth/actor";
import { createPartner } from "@/lib/partners/create-partner";

describe("partner names", () => {
  it("refuses a second partner whose name differs only in case, with the message on the name field", async () => {
    const name = `Harbour Foods ${randomUUID().slice(0, 8)}`;
    await createPartner({ actor: OPERATOR_ACTOR, input: { name } });
    const refusal = createPartner({ actor: OPERATOR_ACTOR, input: { name: name.toUpperCase() } });
    await expect(refusal).rejects.toMatchObject({
      code: "conflict",
      details: { errors: [{ path: "name", message: expect.stringContaining("already exists") }] },
    });
  });

  it("refuses the same name sent twice at once: exactly one partner is created", async () => {
    const name = `Quay Books ${randomUUID().slice(0, 8)}`;
    const results = await Promise.allSettled(
      [name, name.toLowerCase(), name].map((n) => createPartner({ actor: OPERATOR_ACTOR, input: { name: n } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
  });
});
