// Turning users and partners off (and on again) takes effect at once; a partner's keys stay its own.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { issueApiKey } from "@/lib/auth/api-keys";
import { setPartnerActive } from "@/lib/partners/set-partner-active";
import { setUserActive } from "@/lib/users/set-user-active";
import { actorsOf, api, createWorld, signIn, type World } from "./support";

let world: World;
let partnerA: Actor;
let admin: Actor;

beforeAll(async () => {
  world = await createWorld();
  ({ partnerA, admin } = actorsOf(world));
});

describe("deactivation and keys", () => {
  it("a deactivated user cannot sign in and their open session stops working", async () => {
    const res = await api("GET", "/api/v1/deliveries", { as: { cookie: world.partnerB.cookie } });
    expect(res.status).toBe(200);
    await setUserActive({ actor: admin, input: { id: world.partnerB.userId, active: false } });
    expect((await api("GET", "/api/v1/deliveries", { as: { cookie: world.partnerB.cookie } })).status).toBe(401);
    await setUserActive({ actor: admin, input: { id: world.partnerB.userId, active: true } });
    expect((await api("GET", "/api/v1/deliveries", { as: { cookie: world.partnerB.cookie } })).status).toBe(200);
  });

  it("a deactivated partner's API keys and users stop working until it is reactivated", async () => {
    const world2 = await createWorld();
    const key = { apiKey: world2.partnerA.apiKey };
    await setPartnerActive({ actor: admin, input: { id: world2.partnerA.id, active: false } });
    expect((await api("GET", "/api/v1/deliveries", { as: key })).status).toBe(401);
    expect((await api("GET", "/api/v1/deliveries", { as: { cookie: world2.partnerA.cookie } })).status).toBe(401);
    await setPartnerActive({ actor: admin, input: { id: world2.partnerA.id, active: true } });
    expect((await api("GET", "/api/v1/deliveries", { as: key })).status).toBe(200);
  });

  it("refuses to let an admin deactivate their own account, and unknown ids are not found", async () => {
    await expect(setUserActive({ actor: admin, input: { id: admin.id, active: false } })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(setUserActive({ actor: admin, input: { id: randomUUID(), active: false } })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(setPartnerActive({ actor: admin, input: { id: randomUUID(), active: false } })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("a deactivated user's correct password no longer signs them in", async () => {
    const world3 = await createWorld();
    const { db } = await import("@/lib/db");
    const user = await db.user.findUniqueOrThrow({ where: { id: world3.partnerA.userId } });
    await setUserActive({ actor: admin, input: { id: user.id, active: false } });
    await expect(signIn(user.email, "correct-horse-battery")).rejects.toThrow(/Sign-in failed/);
  });

  it("a partner's new key is always for its own organisation, whatever the form said", async () => {
    const key = await issueApiKey({ actor: partnerA, input: { partnerId: world.partnerB.id, name: "sneaky" } });
    expect(key.partnerId).toBe(world.partnerA.id);
    await expect(issueApiKey({ actor: admin, input: { partnerId: randomUUID(), name: "x" } })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
