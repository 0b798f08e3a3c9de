// Reliability under load: many identical creates make one row; many racing
// transitions from several admins advance one step at a time and leave a gapless history.
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/users/create-user";
import { db } from "@/lib/db";
import {
  api,
  assignAs,
  createDeliveryAs,
  createWorld,
  deliveryPayload,
  sideEffects,
  signIn,
  type World,
} from "./support";
import { OPERATOR_ACTOR } from "@/lib/auth/actor";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

describe("200 concurrent identical creates", () => {
  it("make exactly one delivery, one status event and one outbox row; every answer names it", async () => {
    const payload = deliveryPayload();
    const as = { apiKey: world.partnerA.apiKey };
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => api("POST", "/api/v1/deliveries", { as, json: payload })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(199);
    const ids = new Set(answers.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    const [id] = ids;
    expect(await db.delivery.count({ where: { externalReference: payload.externalReference } })).toBe(1);
    const { events, outbox } = await sideEffects(id);
    expect(events.map((e) => e.toStatus)).toEqual(["CREATED"]);
    expect(outbox.map((o) => o.name)).toEqual(["delivery/created"]);
  });
});

describe("100 concurrent transitions of one delivery from several admins", () => {
  it("let one request win per step, refuse the others with 409 or 412, and keep the history gapless", async () => {
    const admins = await Promise.all(
      [1, 2, 3, 4].map(async (n) => {
        const email = `racer-${n}-${Date.now()}@test.example`;
        await createUser({ actor: OPERATOR_ACTOR, input: { email, password: "correct-horse-battery", role: "ADMIN" } });
        return signIn(email, "correct-horse-battery");
      }),
    );
    const delivery = await createDeliveryAs({ apiKey: world.partnerA.apiKey });
    await assignAs(admins[0], delivery.id, world.courier.id);
    // Every request aims at a plausible next step from ASSIGNED (version 2), half of them
    // conditional on the version they expect; whatever the interleaving, each step can be taken once only.
    const attempts = Array.from({ length: 100 }, (_, i) => {
      const step = i % 2 === 0 ? { status: "IN_TRANSIT", version: 2 } : { status: "COMPLETED", version: 3 };
      const headers: Record<string, string> = i % 4 < 2 ? { "if-match": `"${step.version}"` } : {};
      return api("POST", `/api/v1/deliveries/${delivery.id}/status`, {
        as: admins[i % admins.length],
        json: { status: step.status },
        headers,
      }).then((res) => ({ ...res, to: step.status }));
    });
    const answers = await Promise.all(attempts);

    const wins = answers.filter((r) => r.status === 200);
    expect(answers.every((r) => [200, 409, 412].includes(r.status))).toBe(true);
    expect(wins.filter((r) => r.to === "IN_TRANSIT")).toHaveLength(1);
    expect(wins.filter((r) => r.to === "COMPLETED").length).toBeLessThanOrEqual(1);

    const { events, outbox } = await sideEffects(delivery.id);
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
    for (let i = 1; i < events.length; i++) expect(events[i].fromStatus).toBe(events[i - 1].toStatus);
    expect(events.slice(0, 2).map((e) => e.toStatus)).toEqual(["CREATED", "ASSIGNED"]);
    expect(events).toHaveLength(2 + wins.length);
    expect(outbox).toHaveLength(2 + wins.length);
    const row = await db.delivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row.version).toBe(events.length);
    expect(row.status).toBe(events.at(-1)!.toStatus);
  });
});
